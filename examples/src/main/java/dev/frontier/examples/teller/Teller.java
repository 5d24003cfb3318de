package dev.frontier.examples.teller;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small bank of actors, the subject of docs/debugging.md: a {@code teller} moves money between
 * {@code account-*} actors and writes each transfer to an {@code audit} actor. Four variants, each
 * with something to find:
 *
 * <ul>
 *   <li>{@code fixed} (the default): the teller asks the paying account for the debit and awaits the
 *       answer before it credits the other; the books balance.</li>
 *   <li>{@code buggy}: the teller sends the debit and the credit at once, and a refused debit has
 *       already been credited; a transfer from a mistyped account is credited too. The books do not
 *       balance. Record it ({@code --record=bank.html}) and the sequence diagram shows why.</li>
 *   <li>{@code stuck}: the audit actor waits for a lock that a nightly report thread holds for
 *       2.5 s, blocking the scheduler thread; the watchdog says so, naming the actor and the message,
 *       with the thread's stack.</li>
 *   <li>{@code slow}: the audit actor signs each entry with 50,000 rounds of SHA-256; with
 *       {@code --jfr=bank.jfr}, {@code jfr print --events frontier.Delivery bank.jfr} shows it.</li>
 * </ul>
 */
public final class Teller {

    /** Move {@code amount} from account {@code from} to account {@code to}. */
    public record Transfer(String from, String to, int amount) {
        @Override
        public String toString() {
            return "Transfer " + amount + " from " + from + " to " + to;
        }
    }

    /** Take {@code amount} out, if it is there: answered with {@link Debited} or {@link Refused}. */
    public record Debit(int amount) {
    }

    /** Put {@code amount} in. */
    public record Credit(int amount) {
    }

    public record Debited(int amount) {
    }

    public record Refused(String why) {
    }

    /** What is the balance? Answered with an Integer. */
    public record Balance() {
    }

    /** Ask the teller for the accounts' balances, once it has done what it was given. */
    public record Settle() {
    }

    /** A line for the audit trail. */
    public record Entry(String text) {
    }

    static final Map<String, Integer> OPENING = new LinkedHashMap<>();

    static {
        OPENING.put("alice", 100);
        OPENING.put("bob", 50);
        OPENING.put("carol", 0);
    }

    static final List<Transfer> TRANSFERS = List.of(new Transfer("alice", "bob", 30), new Transfer("bob", "carol", 80),
            new Transfer("carol", "alice", 200), new Transfer("alcie", "bob", 5));
    static final Duration ASK = Duration.ofSeconds(10);

    private Teller() {
    }

    /** An account: a handler actor holding its balance. */
    static void openAccount(ActorSystem system, String owner, int opening) {
        int[] balance = {opening};
        system.<Object>spawnHandler("account-" + owner, (ctx, m) -> {
            if (m instanceof Debit d) {
                if (d.amount() <= balance[0]) {
                    balance[0] -= d.amount();
                    ctx.sender().send(new Debited(d.amount()));
                } else {
                    ctx.sender().send(new Refused(owner + " has " + balance[0]));
                }
            } else if (m instanceof Credit c) {
                balance[0] += c.amount();
            } else if (m instanceof Balance) {
                ctx.sender().send(balance[0]);
            }
        });
    }

    /**
     * The teller. Careful: asks for the debit and awaits the answer, then credits. Careless
     * ({@code buggy}): sends both at once and never reads the answers.
     */
    static GeneratorActor<Object> teller(boolean careless, PrintStream out) {
        return ctx -> {
            while (true) {
                Object m = ctx.receive();
                if (m instanceof Transfer t) {
                    if (careless) {
                        ctx.send("account-" + t.from(), new Debit(t.amount()));
                        ctx.send("account-" + t.to(), new Credit(t.amount()));
                        ctx.send("audit", new Entry(t + " sent"));
                        out.println("transfer " + t.amount() + " from " + t.from() + " to " + t.to() + ": sent");
                    } else {
                        out.println("transfer " + t.amount() + " from " + t.from() + " to " + t.to() + ": " + careful(ctx, t));
                    }
                } else if (m instanceof Settle) {
                    ctx.sender().send(balances(ctx));
                }
                // a careless teller's Debited and Refused answers land here, unread: half of its bug
            }
        };
    }

    private static String careful(ActorContext<Object> ctx, Transfer t) throws Exception {
        Object answer;
        try {
            answer = ctx.await(ctx.system().ask("account-" + t.from(), new Debit(t.amount()), ASK));
        } catch (IllegalArgumentException noSuchAccount) {
            ctx.send("audit", new Entry(t + " refused: no account " + t.from()));
            return "refused (no account '" + t.from() + "')";
        }
        if (answer instanceof Refused r) {
            ctx.send("audit", new Entry(t + " refused: " + r.why()));
            return "refused (" + r.why() + ")";
        }
        ctx.send("account-" + t.to(), new Credit(t.amount()));
        ctx.send("audit", new Entry(t + " done"));
        return "done";
    }

    private static String balances(ActorContext<Object> ctx) throws Exception {
        StringBuilder b = new StringBuilder("balances:");
        int total = 0;
        for (String owner : OPENING.keySet()) {
            int balance = ctx.<Integer>await(ctx.system().ask("account-" + owner, new Balance(), ASK));
            b.append(' ').append(owner).append(' ').append(balance).append(',');
            total += balance;
        }
        int in = OPENING.values().stream().mapToInt(Integer::intValue).sum();
        b.setLength(b.length() - 1);
        b.append("; total ").append(total).append(" (").append(in).append(" went in)");
        if (total != in) {
            b.append(": the books do not balance");
        }
        return b.toString();
    }

    /** The audit trail: keeps entries; {@code slow} signs each one expensively; {@code lock} is taken per entry. */
    static void openAudit(ActorSystem system, boolean slow, ReentrantLock lock) {
        system.<Entry>spawnHandler("audit", (ctx, e) -> {
            if (lock != null) {
                lock.lock(); // the bug in "stuck": a blocking wait on the scheduler thread
                lock.unlock();
            }
            if (slow) {
                sign(e.text(), 50_000);
            }
        });
    }

    /** {@code rounds} of SHA-256 over the text: honest CPU work. */
    static byte[] sign(String text, int rounds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < rounds; i++) {
                h = sha.digest(h);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one variant: {@code fixed}, {@code buggy}, {@code stuck} or {@code slow}. */
    public static void run(String variant, PrintStream out) throws Exception {
        if (!List.of("fixed", "buggy", "stuck", "slow").contains(variant)) {
            throw new IllegalArgumentException("teller variants: fixed, buggy, stuck, slow; not '" + variant + "'");
        }
        ReentrantLock auditLock = variant.equals("stuck") ? new ReentrantLock() : null;
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults()).start()) {
            OPENING.forEach((owner, amount) -> openAccount(s, owner, amount));
            openAudit(s, variant.equals("slow"), auditLock);
            s.spawn("teller", teller(variant.equals("buggy"), out));
            if (auditLock != null) {
                nightlyReport(auditLock);
            }
            for (Transfer t : TRANSFERS) {
                s.send("teller", t);
            }
            CompletableFuture<String> settled = s.ask("teller", new Settle(), Duration.ofSeconds(30));
            out.println(settled.get(60, TimeUnit.SECONDS));
        }
    }

    /** The nightly report: another thread that holds the audit lock for 2.5 s, from now. */
    private static void nightlyReport(ReentrantLock auditLock) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread nightly = new Thread(() -> {
            auditLock.lock();
            holding.countDown();
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } finally {
                auditLock.unlock();
            }
        }, "nightly-report");
        nightly.setDaemon(true);
        nightly.start();
        holding.await();
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? args[0] : "fixed", System.out);
    }
}
