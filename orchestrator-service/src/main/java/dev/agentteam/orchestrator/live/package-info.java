/**
 * Live pages: database changes announced by Postgres (LISTEN/NOTIFY, migration V30) relayed to the browsers as a
 * server-sent event stream ({@code GET /live/events}); {@code static/js/live.js} refreshes the parts of a page whose
 * topics changed. See docs/adr/live-pages.md.
 */
package dev.agentteam.orchestrator.live;
