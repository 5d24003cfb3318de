package dev.frontier.testkit;

/** What {@link TestProbe#fishForMessage} does with each message it looks at. Throw to fail the fishing. */
public enum FishingOutcome {
    /** Keep this message and stop: fishing is done. */
    COMPLETE,
    /** Keep this message and go on. */
    CONTINUE,
    /** Drop this message and go on. */
    CONTINUE_AND_IGNORE
}
