package dev.frontier.scheduler;

import java.util.concurrent.Semaphore;

/**
 * A bounded mailbox's free places. A system notice ({@code Terminated}, {@code Exit}, a child's
 * exit told to its supervisor) must neither wait for room nor be refused, so it {@link #force takes}
 * a place even when there is none: the count goes below zero and senders wait until the actor has
 * taken the notice too.
 */
final class Room extends Semaphore {
    private static final long serialVersionUID = 1L;

    Room(int capacity) {
        super(capacity);
    }

    /** Takes a place whether or not one is free. Any thread. */
    void force() {
        reducePermits(1);
    }
}
