package dev.frontier.actor;

/** Which children a supervisor restarts when one of them needs a restart (Erlang's strategies). */
public enum Strategy {
    /** Only the child that ended. */
    ONE_FOR_ONE,
    /** Every child: the others are stopped (latest started first), then all restart in start order. */
    ONE_FOR_ALL,
    /** The child that ended and the children started after it: stopped latest first, restarted in start order. */
    REST_FOR_ONE
}
