package dev.frontier.scheduler;

import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * Frontier's JDK Flight Recorder events, under the category "Frontier", so that
 * {@code jfr print --events frontier.Delivery rec.jfr} and JDK Mission Control show what the
 * actors did beside GC, locks and threads.
 *
 * <table>
 *   <caption>Events</caption>
 *   <tr><th>name</th><th>when</th><th>default</th></tr>
 *   <tr><td>{@code frontier.Delivery}</td><td>an actor took longer than the threshold to handle a
 *       message (from taking it to asking for the next, across awaits; {@code awaited} says how much
 *       of it was spent waiting rather than working)</td><td>threshold 20 ms</td></tr>
 *   <tr><td>{@code frontier.ActorFailure}</td><td>an exception escaped an actor</td><td>on</td></tr>
 *   <tr><td>{@code frontier.Restart}</td><td>a supervisor restarted an actor</td><td>on</td></tr>
 *   <tr><td>{@code frontier.DeadLetter}</td><td>a message found no live recipient</td><td>on</td></tr>
 *   <tr><td>{@code frontier.Stall}</td><td>the watchdog found a delivery holding a scheduler thread
 *       past its stall threshold (one per warning)</td><td>on</td></tr>
 *   <tr><td>{@code frontier.MailboxDepth}</td><td>every period, for each system, the actors with
 *       the deepest mailboxes (up to {@value #DEPTH_SAMPLES} of those with waiting messages)</td>
 *       <td>every 1 s</td></tr>
 * </table>
 *
 * <h2>Cost when JFR is off</h2>
 * The hooks test one static volatile flag, {@link #on}, set by a {@link FlightRecorderListener}
 * while any recording runs; no event object is made otherwise. Registering the listener does not
 * start JFR. While a recording runs, a delivery makes one event object and reads the clock at each
 * end; only deliveries over the threshold are written. On a JVM without the {@code jdk.jfr} module
 * the flag stays false.
 */
final class FrontierJfr {

    /** Mailbox samples per system per period. */
    static final int DEPTH_SAMPLES = 20;

    /** Whether any JFR recording is running: the hooks' only test when it is not. */
    static volatile boolean on;

    static {
        try {
            FlightRecorder.addListener(new FlightRecorderListener() {
                @Override
                public void recorderInitialized(FlightRecorder recorder) {
                    FlightRecorder.addPeriodicEvent(MailboxDepth.class, FrontierJfr::sampleMailboxes);
                    update(recorder);
                }

                @Override
                public void recordingStateChanged(Recording recording) {
                    update(FlightRecorder.getFlightRecorder());
                }
            });
        } catch (Throwable noJfr) {
            on = false; // no jdk.jfr module, or JFR disabled: the hooks stay off
        }
    }

    private FrontierJfr() {
    }

    private static void update(FlightRecorder recorder) {
        boolean running = false;
        for (Recording r : recorder.getRecordings()) {
            running |= r.getState() == RecordingState.RUNNING;
        }
        on = running;
    }

    /** Makes sure the listener is in place (loads this class). */
    static void init() {
    }

    // ------------------------------------------------------------------ hooks

    /** A delivery begins: its event, or null if deliveries are not being recorded. */
    static Object beginDelivery() {
        DeliveryEvent e = new DeliveryEvent();
        if (!e.isEnabled()) {
            return null;
        }
        e.begin();
        return e;
    }

    /** The delivery in hand waited {@code nanos} in an await. */
    static void awaited(Object event, long nanos) {
        ((DeliveryEvent) event).awaited += nanos;
    }

    /** The delivery in hand ended: written if it took longer than the threshold. */
    static void endDelivery(Object event, ActorCell<?> cell, byte outcome, Throwable failure) {
        DeliveryEvent e = (DeliveryEvent) event;
        e.end();
        if (e.shouldCommit()) {
            Object m = cell.messageInHand();
            e.actor = cell.name;
            e.sender = AbstractActorSystem.nameOf(cell.senderInHand());
            e.message = text(m);
            e.messageClass = m == null ? null : m.getClass();
            e.sequence = cell.sequence;
            e.outcome = switch (outcome) {
                case FlowEvent.FAILED -> "failed: " + failure;
                case FlowEvent.RESTARTED -> "restarted: " + failure;
                default -> "handled";
            };
            e.commit();
        }
    }

    static void failure(String actor, Object message, String sender, Throwable cause) {
        ActorFailureEvent e = new ActorFailureEvent();
        if (e.shouldCommit()) {
            e.actor = actor;
            e.message = text(message);
            e.sender = sender;
            e.exceptionClass = cause.getClass();
            e.exceptionMessage = cause.getMessage();
            e.commit();
        }
    }

    /** For supervision: an actor restarted after {@code cause}. */
    static void restart(String actor, Throwable cause, long restarts) {
        RestartEvent e = new RestartEvent();
        if (e.shouldCommit()) {
            e.actor = actor;
            e.cause = String.valueOf(cause);
            e.restarts = restarts;
            e.commit();
        }
    }

    static void deadLetter(String recipient, String sender, Object message) {
        DeadLetterEvent e = new DeadLetterEvent();
        if (e.shouldCommit()) {
            e.recipient = recipient;
            e.sender = sender;
            e.message = text(message);
            e.messageClass = message == null ? null : message.getClass();
            e.commit();
        }
    }

    static void stall(String actor, String message, long blockedMillis, Thread thread, int warning) {
        StallEvent e = new StallEvent();
        if (e.shouldCommit()) {
            e.actor = actor;
            e.message = message;
            e.blocked = blockedMillis;
            e.schedulerThread = thread;
            e.warning = warning;
            e.commit();
        }
    }

    /** The periodic mailbox sample: for each live system, its deepest mailboxes. */
    static void sampleMailboxes() {
        for (AbstractActorSystem system : LiveSystems.snapshot()) {
            List<ActorCell<?>> deepest = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            try {
                for (ActorCell<?> cell : system.registry.values()) {
                    int depth = cell.mailboxSize();
                    if (depth <= 0) {
                        continue;
                    }
                    int at = deepest.size();
                    while (at > 0 && depths.get(at - 1) < depth) {
                        at--;
                    }
                    if (at < DEPTH_SAMPLES) {
                        deepest.add(at, cell);
                        depths.add(at, depth);
                        if (deepest.size() > DEPTH_SAMPLES) {
                            deepest.remove(DEPTH_SAMPLES);
                            depths.remove(DEPTH_SAMPLES);
                        }
                    }
                }
            } catch (RuntimeException racing) {
                continue; // a system shutting down as we looked: next period
            }
            for (int i = 0; i < deepest.size(); i++) {
                MailboxDepth e = new MailboxDepth();
                e.system = system.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(system));
                e.actor = deepest.get(i).name;
                e.depth = depths.get(i);
                e.commit();
            }
        }
    }

    private static String text(Object message) {
        if (message == null) {
            return null;
        }
        try {
            String s = String.valueOf(message);
            return s.length() > 500 ? s.substring(0, 497) + "..." : s;
        } catch (RuntimeException e) {
            return "(" + message.getClass().getName() + ": toString() threw " + e + ")";
        }
    }

    // ------------------------------------------------------------------ the events

    @Name("frontier.Delivery")
    @Label("Actor Delivery")
    @Category("Frontier")
    @Description("An actor handled a message for longer than the threshold: from taking it to asking for its next one")
    @Threshold("20 ms")
    @StackTrace(false)
    static final class DeliveryEvent extends Event {
        @Label("Actor")
        String actor;
        @Label("Sender")
        String sender;
        @Label("Message")
        String message;
        @Label("Message Class")
        Class<?> messageClass;
        @Label("Message Number")
        @Description("The actor's number for this message (msgSeq in the log's MDC)")
        long sequence;
        @Label("Outcome")
        String outcome;
        @Label("Awaited")
        @Description("Of the duration, the time the actor waited in ctx.await (a sleep, an ask): not holding its thread")
        @Timespan(Timespan.NANOSECONDS)
        long awaited;
    }

    @Name("frontier.ActorFailure")
    @Label("Actor Failure")
    @Category("Frontier")
    @Description("An exception escaped an actor and ended it")
    @StackTrace(false)
    static final class ActorFailureEvent extends Event {
        @Label("Actor")
        String actor;
        @Label("Message")
        String message;
        @Label("Sender")
        String sender;
        @Label("Exception Class")
        Class<?> exceptionClass;
        @Label("Exception Message")
        String exceptionMessage;
    }

    @Name("frontier.Restart")
    @Label("Actor Restart")
    @Category("Frontier")
    @Description("A supervisor restarted an actor after a failure")
    @StackTrace(false)
    static final class RestartEvent extends Event {
        @Label("Actor")
        String actor;
        @Label("Cause")
        String cause;
        @Label("Restarts")
        long restarts;
    }

    @Name("frontier.DeadLetter")
    @Label("Dead Letter")
    @Category("Frontier")
    @Description("A message found no live recipient")
    @StackTrace(false)
    static final class DeadLetterEvent extends Event {
        @Label("Recipient")
        String recipient;
        @Label("Sender")
        String sender;
        @Label("Message")
        String message;
        @Label("Message Class")
        Class<?> messageClass;
    }

    @Name("frontier.Stall")
    @Label("Scheduler Stall")
    @Category("Frontier")
    @Description("One delivery has held a scheduler thread past the stall threshold (the watchdog's warning)")
    @StackTrace(false)
    static final class StallEvent extends Event {
        @Label("Actor")
        String actor;
        @Label("Message")
        String message;
        @Label("Blocked For")
        @Timespan(Timespan.MILLISECONDS)
        long blocked;
        @Label("Scheduler Thread")
        Thread schedulerThread;
        @Label("Warning")
        @Description("1 for the first warning about this delivery, then 2, 3, ... while it stays stuck")
        int warning;
    }

    @Name("frontier.MailboxDepth")
    @Label("Mailbox Depth")
    @Category("Frontier")
    @Description("Messages waiting for an actor, sampled every period for the deepest mailboxes of each system")
    @Period("1 s")
    @StackTrace(false)
    static final class MailboxDepth extends Event {
        @Label("System")
        String system;
        @Label("Actor")
        String actor;
        @Label("Depth")
        int depth;
    }
}
