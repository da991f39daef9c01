/**
 * The code repositories the team works on: registration (embedded forge or GitHub), imports from allowed roots,
 * the demo repository and templates, test and quality commands. Not to be confused with Spring Data repositories.
 */
package dev.agentteam.orchestrator.coderepository;
