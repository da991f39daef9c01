/**
 * The backlog: epics and their stories, one consistency boundary (an epic moves with its stories: IN_PROGRESS when
 * the first starts, DONE when the last is DONE or CANCELLED), their lifecycles and ordering, and the PO agent's
 * refinement of an epic into stories. See docs/adr/lifecycles.md and docs/adr/application-modules.md.
 */
package dev.agentteam.orchestrator.backlog;
