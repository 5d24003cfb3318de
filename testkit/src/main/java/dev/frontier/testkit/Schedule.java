package dev.frontier.testkit;

import dev.frontier.scheduler.Fault;
import dev.frontier.scheduler.ScheduleStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recorded run: every step the explored scheduler took, by key, with the fault applied to it, and
 * a description for people. Replaying the keys in order reruns exactly the same run, deliveries,
 * turns and timers alike. Immutable.
 *
 * <p>File format (text, UTF-8): {@code #} lines are comments (name, strategy, seed, failure); each
 * other line is one step, {@code key TAB fault TAB description}, where fault is {@code -},
 * {@code drop}, {@code dup}, {@code delay=DURATION} (ISO-8601, {@code PT0.1S}) or {@code crash}.
 */
public final class Schedule {

    /**
     * One step.
     *
     * @param key the step's key ({@link ScheduleStep#key()})
     * @param kind what it did
     * @param sender DELIVER: the sender; otherwise null
     * @param receiver the actor it ran, or null
     * @param message DELIVER: the message (its description, once read back from a file)
     * @param fault {@code -}, {@code drop}, {@code dup}, {@code delay=PT0.1S}, {@code crash}
     * @param atNanos virtual time of the step since the run began
     * @param choice which of the enabled steps it was (0: the first, the oldest channel), or -1 if
     *     read back from a file
     * @param enabled how many steps were enabled
     */
    public record Step(String key, ScheduleStep.Kind kind, String sender, String receiver, Object message, String fault,
                       long atNanos, int choice, int enabled) {

        /**
     * {@return the step as the trace writes it: {@code sender -> receiver: message}, a turn, a timer,
     * with its fault, if any, in brackets}
     */
        public String describe() {
            if (sender == null && receiver == null && message != null) {
                return message.toString(); // read back from a file: the description as written
            }
            String what = switch (kind) {
                case DELIVER -> sender + " -> " + receiver + ": " + message;
                case TURN -> "(" + receiver + " resumes)";
                case COMMAND -> "(command" + (receiver == null ? "" : " as " + receiver) + ")";
                case TIMER -> "(" + key + " fires at +" + Duration.ofNanos(atNanos).toMillis() + " ms)";
            };
            return "-".equals(fault) ? what : what + "   [" + faultWords() + "]";
        }

        private String faultWords() {
            return switch (fault) {
                case "drop" -> "dropped";
                case "dup" -> "duplicated";
                case "crash" -> "receiver crashed";
                default -> fault.startsWith("delay=")
                        ? "delayed " + Duration.parse(fault.substring(6)).toMillis() + " ms" : fault;
            };
        }

        Step withoutFault() {
            return new Step(key, kind, sender, receiver, message, "-", atNanos, choice, enabled);
        }

        Step withFault(String token) {
            return new Step(key, kind, sender, receiver, message, token, atNanos, choice, enabled);
        }
    }

    private final List<Step> steps;
    private final List<String> comments;

    Schedule(List<Step> steps, List<String> comments) {
        this.steps = List.copyOf(steps);
        this.comments = List.copyOf(comments);
    }

    /** {@return the steps, in order (immutable)} */
    public List<Step> steps() {
        return steps;
    }

    /** {@return the number of steps} */
    public int size() {
        return steps.size();
    }

    /** {@return the header comments (name, strategy, seed, failure), without their {@code #}; immutable} */
    public List<String> comments() {
        return comments;
    }

    /**
     * {@return the deliveries only, each as {@code sender -> receiver: message}: what a trace shows}
     * A schedule read back from a file has no senders and receivers: its lines read {@code null -> null: ...}.
     */
    public List<String> deliveries() {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.kind() == ScheduleStep.Kind.DELIVER) {
                out.add(s.sender() + " -> " + s.receiver() + ": " + s.message());
            }
        }
        return out;
    }

    /** {@return the whole run, one indented step per line, as the trace writes it} */
    public String trace() {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            b.append("  ").append(s.describe()).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes the schedule to {@code file} in the format above (UTF-8, parent directories made),
     * replacing the file if it exists.
     *
     * @param file where to write
     * @return {@code file}
     * @throws UncheckedIOException the file could not be written
     */
    public Path write(Path file) {
        StringBuilder b = new StringBuilder("# Frontier schedule v1\n");
        for (String c : comments) {
            b.append("# ").append(c.replace('\n', ' ')).append('\n');
        }
        for (Step s : steps) {
            b.append(s.key()).append('\t').append(s.fault()).append('\t').append(s.kind()).append('\t')
                    .append(s.atNanos()).append('\t').append(s.describe().replace('\n', ' ')).append('\n');
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write schedule " + file, e);
        }
        return file;
    }

    /**
     * {@return the schedule in {@code file}, as written by {@link #write}} Its steps carry keys,
     * faults, kinds, times and descriptions; senders, receivers and messages are not read back.
     *
     * @param file a schedule file; must not be null
     * @throws UncheckedIOException the file could not be read
     * @throws IllegalArgumentException a line is not a schedule step
     */
    public static Schedule read(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schedule " + file.toAbsolutePath(), e);
        }
        List<Step> steps = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.startsWith("#")) {
                if (n > 1) {
                    comments.add(line.substring(1).strip());
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 5);
            if (f.length < 5) {
                throw new IllegalArgumentException(file + ":" + n + ": not a schedule step (key TAB fault TAB kind TAB "
                        + "time TAB description): " + line);
            }
            ScheduleStep.Kind kind = ScheduleStep.Kind.valueOf(f[2]);
            steps.add(new Step(f[0], kind, null, null, f[4], f[1], Long.parseLong(f[3]), -1, 0));
        }
        return new Schedule(steps, comments);
    }

    /** The fault a recorded token stands for; a crash is an {@link InjectedCrash} of the receiver. */
    static Fault fault(String token, ScheduleStep delivery) {
        return switch (token) {
            case "-" -> Fault.NONE;
            case "drop" -> Fault.DROP;
            case "dup" -> Fault.DUPLICATE;
            case "crash" -> Fault.crash(new InjectedCrash(delivery.receiver(), delivery.message()));
            default -> {
                if (token.startsWith("delay=")) {
                    yield Fault.delay(Duration.parse(token.substring(6)));
                }
                throw new IllegalArgumentException("unknown fault in schedule: " + token);
            }
        };
    }

    /** The token a fault is recorded as. */
    static String token(Fault f) {
        return switch (f.kind()) {
            case NONE -> "-";
            case DROP -> "drop";
            case DUPLICATE -> "dup";
            case CRASH -> "crash";
            case DELAY -> "delay=" + f.delay();
        };
    }

    @Override
    public String toString() {
        return steps.size() + " steps\n" + trace();
    }
}
