package dev.frontier.actor;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a supervisor starts, restarts and stops one child (Erlang's child specification): its name,
 * what it runs, when it is restarted ({@link RestartType}), its per-actor options (a message type,
 * a bounded mailbox) and how long it may take to stop. Immutable; each {@code with...} returns a copy.
 *
 * <p>Each incarnation runs a fresh behaviour: a generator body from the factory (its local state
 * starts over), or a new handler object (its fields start over). The child's name, its
 * {@link ActorRef}, its mailbox with the messages waiting in it, and its watchers stay the same
 * across restarts.
 *
 * <pre>{@code
 * ChildSpec.of("alice", Account.Msg.class, ctx -> Account.run(ctx, 100))
 * ChildSpec.handler("auditor", Object.class, Auditor::new).withRestart(RestartType.TRANSIENT)
 * ChildSpec.supervisor("tellers", SupervisorSpec.oneForAll().child(...))
 * }</pre>
 *
 * @param <M> the type of messages the child accepts
 */
public final class ChildSpec<M> {

    /** What a child runs. */
    public enum Kind {
        /** A {@link GeneratorActor} body. */
        GENERATOR,
        /** A {@link MessageHandler}. */
        HANDLER,
        /** A nested supervisor, with its own {@link SupervisorSpec}. */
        SUPERVISOR
    }

    /** Erlang's {@code infinity}: a supervisor child waits for its own children. */
    public static final Duration INFINITY = Duration.ofNanos(Long.MAX_VALUE);
    /** Erlang's default for a worker: 5 s to stop before it is interrupted. */
    public static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(5);

    private final String name;
    private final Kind kind;
    private final Supplier<? extends GeneratorActor<M>> bodies;
    private final Supplier<? extends MessageHandler<M>> handlers;
    private final SupervisorSpec supervisor;
    private final RestartType restart;
    private final ActorOptions options;
    private final Duration shutdownTimeout;

    private ChildSpec(String name, Kind kind, Supplier<? extends GeneratorActor<M>> bodies,
                      Supplier<? extends MessageHandler<M>> handlers, SupervisorSpec supervisor,
                      RestartType restart, ActorOptions options, Duration shutdownTimeout) {
        this.name = name;
        this.kind = kind;
        this.bodies = bodies;
        this.handlers = handlers;
        this.supervisor = supervisor;
        this.restart = restart;
        this.options = options;
        this.shutdownTimeout = shutdownTimeout;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "a child name must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a child name must not be empty");
        }
        return name;
    }

    /**
     * A generator child whose body runs afresh at each restart (its locals start over).
     *
     * @param <M> the type of messages the child accepts
     * @param name the child's name, unique in the system and among its siblings; not null or empty
     * @param body the body every incarnation runs; must not be null
     * @return a permanent child with default options
     * @throws IllegalArgumentException {@code name} is empty
     */
    public static <M> ChildSpec<M> of(String name, GeneratorActor<M> body) {
        Objects.requireNonNull(body, "body");
        return generator(name, () -> body);
    }

    /**
     * {@link #of(String, GeneratorActor)} accepting only messages of {@code type}.
     *
     * @param <M> the type of messages the child accepts
     * @param name the child's name; not null or empty
     * @param type the class every message must be an instance of; others become dead letters
     * @param body the body every incarnation runs; must not be null
     * @return a permanent child accepting only {@code type}
     */
    public static <M> ChildSpec<M> of(String name, Class<M> type, GeneratorActor<M> body) {
        return of(name, body).withOptions(ActorOptions.defaults().withMessageType(type));
    }

    /**
     * A generator child whose each incarnation runs a body made by {@code factory}.
     *
     * @param <M> the type of messages the child accepts
     * @param name the child's name; not null or empty
     * @param factory called once per incarnation, on the supervisor's host; must not return null
     * @return a permanent child with default options
     * @throws IllegalArgumentException {@code name} is empty
     */
    public static <M> ChildSpec<M> generator(String name, Supplier<? extends GeneratorActor<M>> factory) {
        return new ChildSpec<>(checkName(name), Kind.GENERATOR, Objects.requireNonNull(factory, "factory"), null, null,
                RestartType.PERMANENT, ActorOptions.defaults(), DEFAULT_SHUTDOWN);
    }

    /**
     * A handler child: each incarnation gets a new handler from {@code factory}, so its fields start over.
     *
     * @param <M> the type of messages the child accepts
     * @param name the child's name; not null or empty
     * @param factory called once per incarnation, on the supervisor's host; must not return null
     * @return a permanent child with default options
     * @throws IllegalArgumentException {@code name} is empty
     */
    public static <M> ChildSpec<M> handler(String name, Supplier<? extends MessageHandler<M>> factory) {
        return new ChildSpec<>(checkName(name), Kind.HANDLER, null, Objects.requireNonNull(factory, "factory"), null,
                RestartType.PERMANENT, ActorOptions.defaults(), DEFAULT_SHUTDOWN);
    }

    /**
     * {@link #handler(String, Supplier)} accepting only messages of {@code type}.
     *
     * @param <M> the type of messages the child accepts
     * @param name the child's name; not null or empty
     * @param type the class every message must be an instance of; others become dead letters
     * @param factory called once per incarnation; must not return null
     * @return a permanent child accepting only {@code type}
     */
    public static <M> ChildSpec<M> handler(String name, Class<M> type, Supplier<? extends MessageHandler<M>> factory) {
        return handler(name, factory).withOptions(ActorOptions.defaults().withMessageType(type));
    }

    /**
     * A supervisor child: supervision trees nest. When it gives up, its supervisor sees it fail; a
     * restart starts its children anew. It may take as long as its children need to stop.
     *
     * @param name the nested supervisor's name; not null or empty
     * @param spec its strategy, limits and children; must not be null
     * @return a permanent child with an {@link #INFINITY infinite} shutdown timeout
     * @throws IllegalArgumentException {@code name} is empty
     */
    public static ChildSpec<Void> supervisor(String name, SupervisorSpec spec) {
        return new ChildSpec<>(checkName(name), Kind.SUPERVISOR, null, null, Objects.requireNonNull(spec, "spec"),
                RestartType.PERMANENT, ActorOptions.defaults(), INFINITY);
    }

    /**
     * When the child is restarted (default {@link RestartType#PERMANENT}).
     *
     * @param type the restart type; must not be null
     * @return a copy with this restart type
     */
    public ChildSpec<M> withRestart(RestartType type) {
        return new ChildSpec<>(name, kind, bodies, handlers, supervisor, Objects.requireNonNull(type, "type"), options,
                shutdownTimeout);
    }

    /**
     * Per-actor options: a message type, a bounded mailbox. They replace the options given before
     * (including a message type given to {@code of} or {@code handler}).
     *
     * @param o the child's options; must not be null
     * @return a copy with these options
     */
    public ChildSpec<M> withOptions(ActorOptions o) {
        return new ChildSpec<>(name, kind, bodies, handlers, supervisor, restart, Objects.requireNonNull(o, "options"),
                shutdownTimeout);
    }

    /**
     * How long a stop may take (its {@code finally} blocks) before the child's thread is interrupted
     * (default 5 s; {@link #INFINITY} for a supervisor). On the deque scheduler a stop is synchronous
     * and this bound does not apply.
     *
     * @param timeout how long a stop may take; must not be null or negative
     * @return a copy with this shutdown timeout
     * @throws IllegalArgumentException {@code timeout} is negative
     */
    public ChildSpec<M> withShutdownTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a negative shutdown timeout: " + timeout);
        }
        return new ChildSpec<>(name, kind, bodies, handlers, supervisor, restart, options, timeout);
    }

    /** {@return the child's name, the same for every incarnation} */
    public String name() {
        return name;
    }

    /** {@return what the child runs} */
    public Kind kind() {
        return kind;
    }

    /** {@return when the child is restarted} */
    public RestartType restart() {
        return restart;
    }

    /** {@return the child's per-actor options (message type, mailbox)} */
    public ActorOptions options() {
        return options;
    }

    /** {@return how long a stop may take before the child's thread is interrupted} */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** {@return the nested supervisor's spec, for {@link Kind#SUPERVISOR}; null otherwise} */
    public SupervisorSpec supervisorSpec() {
        return supervisor;
    }

    /**
     * {@return a body for a new incarnation, from the factory}
     *
     * @throws IllegalStateException the child is not a {@link Kind#GENERATOR}
     * @throws NullPointerException the factory returned null
     */
    public GeneratorActor<M> newBody() {
        if (kind != Kind.GENERATOR) {
            throw new IllegalStateException("child '" + name + "' is a " + kind + ", not a generator actor");
        }
        return Objects.requireNonNull(bodies.get(), () -> "the body factory of child '" + name + "' returned null");
    }

    /**
     * {@return a new handler for a new incarnation, from the factory}
     *
     * @throws IllegalStateException the child is not a {@link Kind#HANDLER}
     * @throws NullPointerException the factory returned null
     */
    public MessageHandler<M> newHandler() {
        if (kind != Kind.HANDLER) {
            throw new IllegalStateException("child '" + name + "' is a " + kind + ", not a handler actor");
        }
        return Objects.requireNonNull(handlers.get(), () -> "the handler factory of child '" + name + "' returned null");
    }

    @Override
    public String toString() {
        return "child '" + name + "' (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + restart.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
