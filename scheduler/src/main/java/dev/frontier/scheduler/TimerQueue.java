package dev.frontier.scheduler;

import java.util.Arrays;

/**
 * A deque scheduler's timers: a binary min-heap by deadline in which every timer knows its index,
 * so a cancelled timer is removed at once instead of waiting in the heap until its deadline (a
 * million answered asks leave the heap empty, not a million dead entries).
 *
 * <p><b>Note:</b> this class is not threadsafe; only the scheduler thread touches it.
 */
final class TimerQueue {

    private Timer[] heap = new Timer[16];
    private int size;
    private long sequence;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Timer t) {
        if (t.index >= 0 || t.isSettled()) {
            return;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size << 1);
        }
        t.sequence = sequence++;
        int i = size++;
        heap[i] = t;
        t.index = i;
        siftUp(i);
    }

    /** The earliest timer, or null. */
    Timer peek() {
        return size == 0 ? null : heap[0];
    }

    /**
     * Adds every timer due at {@code now} to {@code out}, earliest first and, for one deadline, in
     * the order they were set; removes nothing. For an explored scheduler, which lets its strategy
     * choose among the due timers.
     */
    void dueInto(long now, java.util.List<Timer> out) {
        int from = out.size();
        collectDue(0, now, out);
        out.subList(from, out.size()).sort(null);
    }

    private void collectDue(int i, long now, java.util.List<Timer> out) {
        if (i < size && heap[i].deadline - now <= 0) {
            out.add(heap[i]);
            collectDue((i << 1) + 1, now, out);
            collectDue((i << 1) + 2, now, out);
        }
    }

    /** Removes {@code t} if it is here. */
    void remove(Timer t) {
        int i = t.index;
        if (i < 0 || i >= size || heap[i] != t) {
            return;
        }
        int last = --size;
        Timer moved = heap[last];
        heap[last] = null;
        t.index = -1;
        if (i != last) {
            heap[i] = moved;
            moved.index = i;
            siftDown(i);
            if (heap[i] == moved) {
                siftUp(i);
            }
        }
        if (heap.length > 64 && size < heap.length >> 2) {
            heap = Arrays.copyOf(heap, heap.length >> 1);
        }
    }

    /** Removes every timer and returns them (for shutdown). */
    Timer[] clear() {
        Timer[] all = Arrays.copyOf(heap, size);
        for (Timer t : all) {
            t.index = -1;
        }
        Arrays.fill(heap, null);
        size = 0;
        return all;
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (t.compareTo(p) >= 0) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = t;
        t.index = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = (i << 1) + 1;
            Timer c = heap[child];
            int right = child + 1;
            if (right < size && c.compareTo(heap[right]) > 0) {
                child = right;
                c = heap[child];
            }
            if (t.compareTo(c) <= 0) {
                break;
            }
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = t;
        t.index = i;
    }
}
