package dev.agentteam.planted;

import org.springframework.web.bind.annotation.PostMapping;

/** A planted violation, imported only by ArchitectureRulesTest: a request mapping on a class that is no controller. */
class PlantedMappingOutsideController {

    @PostMapping("/api/planted")
    void handle() {
    }
}
