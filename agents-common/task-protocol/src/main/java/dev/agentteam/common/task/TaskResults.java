package dev.agentteam.common.task;

import java.util.Map;

/**
 * The catalogue of result records: for each {@link TaskType} the record its worker reports when it succeeded. The
 * envelope carries the result as a JSON object (snake_case, as {@link TaskPayloads} writes it); the orchestrator decodes
 * it here, once, when it applies the result. Fields a newer agent added are ignored and fields an older one did not
 * send are null (or the record's default), so results already in Redis or in {@code tasks.result} still decode.
 */
public final class TaskResults {

    private TaskResults() {
    }

    /** The result record of {@code type}. */
    public static Class<? extends TaskOutput> recordOf(TaskType type) {
        return switch (type) {
            case PO_REFINE_EPIC -> RefinedStories.class;
            case SCRUM_PLAN_SPRINT -> SprintText.Planning.class;
            case SCRUM_WRITE_RETRO -> SprintText.Retro.class;
            case DEV_IMPLEMENT_STORY -> StoryDelivered.class;
            case DEV_ADDRESS_REVIEW, DEV_FIX_REGRESSION -> ChangeRound.Result.class;
            case QA_TRIAGE -> QualityResult.Triage.class;
            case REVIEW_PR -> QualityResult.Review.class;
            case CICD_RUN_CI, CICD_FOLLOW_CI -> QualityResult.Ci.class;
            case CICD_DEPLOY -> QualityResult.Deploy.class;
        };
    }

    /**
     * The output of a succeeded {@code type} task as its record.
     *
     * @throws InvalidPayloadException naming the field when the output does not fit the record (a field of the wrong
     *                                 type, or a required field missing): {@code invalid review.review_pr result: …}
     */
    public static TaskOutput read(TaskType type, Map<String, Object> output) {
        return read(type, output, recordOf(type));
    }

    /** As {@link #read(TaskType, Map)}, for a caller that knows the record it expects. */
    public static <T extends TaskOutput> T read(TaskType type, Map<String, Object> output, Class<T> record) {
        if (!record.equals(recordOf(type))) {
            throw new IllegalArgumentException(type.key() + " results are " + recordOf(type).getSimpleName() + ", not "
                    + record.getSimpleName());
        }
        try {
            return TaskPayloads.read(output, record);
        } catch (InvalidPayloadException e) {
            throw new InvalidPayloadException("invalid " + type.key() + " result: " + withoutPrefix(e.getMessage()));
        }
    }

    private static String withoutPrefix(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("invalid ")) {
            int colon = text.indexOf(": ");
            return colon < 0 ? text : text.substring(colon + 2);
        }
        return text;
    }
}
