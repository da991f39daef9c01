package dev.agentteam.planted;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A planted controller, imported only by ArchitectureRulesTest (outside every application's scanned packages). */
@RestController
class PlantedController {

    @GetMapping("/api/planted")
    String planted() {
        return "planted";
    }
}
