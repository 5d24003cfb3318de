/**
 * A recorded message flow and the ways to look at it. A {@link dev.frontier.flow.Flow} is what a
 * {@link dev.frontier.scheduler.FlowRecorder} snapshot holds: {@link dev.frontier.flow.Delivery}
 * records in the order their messages were sent, each with the delivery whose handling sent it
 * (its cause), so a flow is a causal graph as well as a sequence. It exports to a Mermaid sequence
 * diagram, to Chrome Trace Event JSON (Perfetto, {@code chrome://tracing}), and to one offline HTML
 * page that draws the diagram with filters; see docs/debugging.md.
 *
 * <p>This package knows nothing of how messages are delivered: a flow can be built from any list
 * of deliveries ({@link dev.frontier.flow.Flow#of}), in a test or a tool.
 */
package dev.frontier.flow;
