package dev.frontier.actor;

/** {@code spawn} was given a name that a live actor already has. */
public final class DuplicateActorNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param name the name that is taken
     */
    public DuplicateActorNameException(String name) {
        super("an actor named '" + name + "' is already running");
    }
}
