/**
 * Work for the Dev agent: which READY stories are handed over (sprint or continuous mode, WIP limit, dependencies),
 * starting a story by hand, and what the results of {@code dev.*} tasks change. Settings: {@code agentteam.delivery.*}.
 * See docs/adr/dev-agent-and-delivery.md and docs/adr/sprints-drive-the-work.md.
 */
package dev.agentteam.orchestrator.devwork;
