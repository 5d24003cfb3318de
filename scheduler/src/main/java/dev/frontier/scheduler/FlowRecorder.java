package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.flow.Delivery;
import dev.frontier.flow.Flow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the message flow of selected actors, with causal links, into a ring in memory: Erlang's
 * {@code seq_trace} for Frontier. Every recorded message becomes a {@link Delivery} that says which
 * delivery's handling sent it ({@code cause}), who sent it to whom, when it was sent, taken and
 * done with, in which turn, and what became of it. {@link #flow()} takes a snapshot, which exports
 * to a Mermaid sequence diagram, Chrome Trace Event JSON (Perfetto) or an offline HTML page.
 *
 * <pre>{@code
 * DequeScheduler s = DequeScheduler.create();
 * s.recorder().record("*");                  // or "teller", "account-*": names and glob patterns
 * ... run ...
 * s.recorder().flow().write(Path.of("flow.html"));
 * }</pre>
 *
 * <h2>What is recorded</h2>
 * A message is recorded when recording is on and its receiver or its sender is selected. Its cause
 * is the delivery the sender was handling, if that one was recorded (a message to a selected actor
 * from an unselected one whose own message was not recorded has cause 0). The cause follows the sender's delivery in hand: across {@code await} (a
 * message sent after an await is caused by the delivery being handled when the actor awaited),
 * across timers ({@code sendAfter} links to the delivery that set the timer; a {@code receive}
 * that times out is recorded as a {@link Delivery.Kind#TIMEOUT} caused by the delivery in hand when
 * the receive began), and through {@code ask} (the request is caused by the asker's delivery, and the
 * reply by the request it answers). Messages sent to a name with no actor are recorded as dead
 * letters. A message sent while recording was on is followed to its end even if recording is turned
 * off meanwhile.
 *
 * <h2>Cost</h2>
 * Off (the default), a send reads one field of its system and a delivery checks the message's
 * sender slot and two fields of the actor: nothing else. On, a recorded message costs one small
 * object (it rides in the message's sender slot, so the mailbox is unchanged), an atomic increment,
 * a store into the ring, and clock readings. On a deque scheduler one reading serves several
 * moments: a message sent by the running actor is stamped at the actor's next reading (when it
 * takes its next message or its turn ends: an upper bound on the send, never after the receiver
 * took it); the reading at the end of a turn is also the start of the next turn's first message
 * if nothing ran between them; the end of one message is the start of the next. Ping-pong then
 * reads the clock once per message. In thread-per-actor mode every moment has its own reading. The ring keeps the latest {@code capacity} messages (default {@value #DEFAULT_CAPACITY}; it
 * keeps them from being collected); older ones are dropped. See docs/benchmarks.md for the measured figures.
 *
 * <p>A recorder may be shared by several systems ({@link ActorSystemOptions#withRecorder}); its
 * selection applies to all of them. Thread-safe: any thread may switch it and take snapshots; a
 * snapshot taken while actors run may show the latest deliveries a step behind.
 */
public final class FlowRecorder {

    /** Messages the ring keeps by default. */
    public static final int DEFAULT_CAPACITY = 1 << 14;
    /** Most messages per chunk of the ring. */
    private static final int CHUNK = 256;

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(FlowEvent[].class);
    private static final VarHandle CHUNKS = MethodHandles.arrayElementVarHandle(Chunk[].class);

    /**
     * A stretch of the ring: the events numbered {@code first + 1} to {@code first + slots.length}.
     * The ring is a table of chunks, and each lap puts a fresh chunk in each place instead of
     * overwriting the old one: storing an event into a chunk the collector still sees as young
     * costs no card marking (G1's post-write barrier stops early), where storing it into an old
     * array would pay a fence and a dirty card per message.
     */
    private static final class Chunk {
        final long first;
        final FlowEvent[] slots;

        Chunk(long first, int size) {
            this.first = first;
            this.slots = new FlowEvent[size];
        }
    }

    private final int capacity;
    private final int chunkSize;
    private final int chunkShift;
    private final AtomicLong ids = new AtomicLong();
    /** {@code capacity / chunkSize + 1} chunks: the full ones and the one filling. */
    private volatile Chunk[] ring;
    /** The chunk being filled, for the fast path (read racily: a stale one is detected by its {@code first}). */
    private Chunk current;
    private volatile TraceSelection selection = TraceSelection.NONE;
    private final List<WeakReference<AbstractActorSystem>> systems = new CopyOnWriteArrayList<>();

    private FlowRecorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a flow recorder keeps at least one message: " + capacity);
        }
        if (capacity > 1 << 28) {
            throw new IllegalArgumentException("a flow recorder keeps at most 2^28 messages: " + capacity);
        }
        this.capacity = Integer.highestOneBit(capacity - 1 == 0 ? 1 : (capacity - 1) << 1);
        this.chunkSize = Math.min(CHUNK, this.capacity);
        this.chunkShift = Integer.numberOfTrailingZeros(chunkSize);
    }

    /** {@return a new recorder that keeps the latest {@value #DEFAULT_CAPACITY} messages; off until {@link #record}} */
    public static FlowRecorder create() {
        return new FlowRecorder(DEFAULT_CAPACITY);
    }

    /**
     * {@return a new recorder that keeps the latest {@code capacity} messages; off until {@link #record}}
     *
     * @param capacity how many messages the ring keeps, from 1 to 2^28, rounded up to a power of two
     * @throws IllegalArgumentException {@code capacity} is out of that range
     */
    public static FlowRecorder create(int capacity) {
        return new FlowRecorder(capacity);
    }

    /**
     * Records the actors named or matched by {@code namesAndPatterns} (names and globs separated by
     * commas or spaces: {@code "teller"}, {@code "account-*"}, {@code "*"} for the whole system;
     * nothing turns recording off), in every system using this recorder, live actors at once and
     * later ones as they are spawned. Any thread.
     *
     * @param namesAndPatterns the selection, replacing the one before; none: stop recording
     * @return the names and patterns that match no live actor (a typo, or an actor not yet
     *     spawned); empty if all match
     */
    public List<String> record(String... namesAndPatterns) {
        TraceSelection s = TraceSelection.parse(namesAndPatterns);
        if (!s.specs().isEmpty() && ring == null) {
            synchronized (this) {
                if (ring == null) {
                    ring = new Chunk[capacity / chunkSize + 1];
                }
            }
        }
        selection = s;
        List<String> names = new ArrayList<>();
        for (AbstractActorSystem system : systems()) {
            system.recordingChanged(s);
            names.addAll(system.registry.keySet());
        }
        return s.unmatched(names);
    }

    /**
     * {@code record("*")}: every actor of every system using this recorder.
     *
     * @return this recorder
     */
    public FlowRecorder recordAll() {
        record("*");
        return this;
    }

    /** Stops recording new messages; what was recorded stays. */
    public void stop() {
        record();
    }

    /** {@return whether some actors are selected, so new messages may be recorded} */
    public boolean isRecording() {
        return !selection.specs().isEmpty();
    }

    /** {@return the names and patterns selected, in the order given; empty when not recording} */
    public List<String> selection() {
        return selection.specs();
    }

    /** {@return how many messages have been recorded so far, including those the ring no longer keeps} */
    public long recordedCount() {
        return ids.get();
    }

    /** {@return how many messages the ring keeps: the capacity asked for, rounded up to a power of two} */
    public int capacity() {
        return capacity;
    }

    /** Forgets everything recorded (numbering goes on). */
    public synchronized void clear() {
        if (ring != null) {
            ring = new Chunk[capacity / chunkSize + 1];
            current = null;
        }
    }

    /**
     * {@return a snapshot of the recorded deliveries still in the ring, oldest first} Any thread;
     * taken while actors run, it may show the latest deliveries a step behind.
     */
    public Flow flow() {
        Chunk[] r = ring;
        List<Delivery> out = new ArrayList<>();
        if (r != null) {
            long last = ids.get();
            for (long id = Math.max(1, last - capacity + 1); id <= last; id++) {
                long k = id - 1;
                Chunk c = (Chunk) CHUNKS.getAcquire(r, (int) ((k >>> chunkShift) % r.length));
                if (c != null && c.first == (k & -chunkSize)) {
                    FlowEvent e = (FlowEvent) SLOTS.getAcquire(c.slots, (int) (k & (chunkSize - 1)));
                    if (e != null && e.id == id) {
                        out.add(e.toDelivery());
                    }
                }
            }
        }
        return Flow.of(out);
    }

    @Override
    public String toString() {
        return "FlowRecorder[" + (isRecording() ? "recording " + selection : "off") + ", " + ids.get() + " recorded]";
    }

    // ------------------------------------------------------------------ for the systems

    /** Clock of the recorded times. */
    static long now() {
        return System.nanoTime();
    }

    void attach(AbstractActorSystem system) {
        systems.add(new WeakReference<>(system));
    }

    void detach(AbstractActorSystem system) {
        systems.removeIf(w -> w.get() == null || w.get() == system);
    }

    private List<AbstractActorSystem> systems() {
        List<AbstractActorSystem> live = new ArrayList<>();
        for (WeakReference<AbstractActorSystem> w : systems) {
            AbstractActorSystem s = w.get();
            if (s != null) {
                live.add(s);
            }
        }
        return live;
    }

    TraceSelection currentSelection() {
        return selection;
    }

    /** Whether the selection covers {@code name}: for a send to a name that has no actor. */
    boolean selects(String name) {
        return selection.matches(name);
    }

    /** Records a message sent now and returns its event, to ride in the message's sender slot. Any thread. */
    FlowEvent sent(Delivery.Kind kind, long cause, ActorRef<?> sender, String senderName, String receiverName, Object message) {
        return sent(kind, cause, sender, senderName, receiverName, message, now());
    }

    /**
     * Records a message sent at {@code sentAt} ({@link Delivery#NOT_YET}: the sender stamps it at its
     * next clock reading) and returns its event. Any thread.
     */
    FlowEvent sent(Delivery.Kind kind, long cause, ActorRef<?> sender, String senderName, String receiverName, Object message,
                   long sentAt) {
        long id = ids.incrementAndGet();
        FlowEvent e = new FlowEvent(id, cause, kind, sender, senderName, receiverName, Objects.requireNonNull(message), sentAt);
        long k = id - 1;
        long first = k & -chunkSize;
        Chunk c = current;
        if (c == null || c.first != first) {
            c = chunk(first);
        }
        if (c != null) {
            SLOTS.setRelease(c.slots, (int) (k & (chunkSize - 1)), e);
        }
        return e;
    }

    /** The chunk for ids from {@code first + 1}, put in its place if new; null if recording never began or a later lap is there. */
    private Chunk chunk(long first) {
        Chunk[] r = ring;
        if (r == null) {
            return null;
        }
        int at = (int) ((first >>> chunkShift) % r.length);
        Chunk c = install(r, at, (Chunk) CHUNKS.getAcquire(r, at), first);
        if (c != null) {
            current = c;
        }
        return c;
    }

    /** Puts a fresh chunk for ids from {@code first + 1} in place {@code at}; null if a later lap is there already. */
    private Chunk install(Chunk[] r, int at, Chunk seen, long first) {
        for (Chunk c = seen; ; c = (Chunk) CHUNKS.getAcquire(r, at)) {
            if (c != null && c.first == first) {
                return c;
            }
            if (c != null && c.first > first) {
                return null; // this writer was overtaken by a whole lap: its event is already out of the ring
            }
            Chunk fresh = new Chunk(first, chunkSize);
            if (CHUNKS.compareAndSet(r, at, c, fresh)) {
                return fresh;
            }
        }
    }
}
