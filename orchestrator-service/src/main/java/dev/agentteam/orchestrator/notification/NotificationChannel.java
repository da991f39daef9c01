package dev.agentteam.orchestrator.notification;

/** One place a message can be sent to. */
interface NotificationChannel {

    /** A name for logs that reveals no secret. */
    String name();

    /** Sends the message; throws with a reason (never the secret) when the channel refused it. */
    void send(String text);
}
