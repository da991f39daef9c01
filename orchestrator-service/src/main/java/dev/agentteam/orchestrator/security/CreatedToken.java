package dev.agentteam.orchestrator.security;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A new token: {@code token} is shown this one time and never stored. */
public record CreatedToken(@JsonUnwrapped ApiTokenView details, String token) {
}
