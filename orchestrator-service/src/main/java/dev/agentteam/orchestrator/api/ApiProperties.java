package dev.agentteam.orchestrator.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API ({@code agentteam.api.*}).
 *
 * @param maxRequestBody the largest request body accepted ({@code AGENTTEAM_API_MAX_REQUEST_BODY}, default 1MB);
 *                       an epic's description is at most 20 000 characters, so 1 MB leaves ample room
 */
@ConfigurationProperties("agentteam.api")
record ApiProperties(DataSize maxRequestBody) {

    ApiProperties {
        if (maxRequestBody == null) {
            maxRequestBody = DataSize.ofMegabytes(1);
        }
    }
}
