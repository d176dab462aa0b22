//! The mutable state of one graph run: input queues, stream bounds, node
//! life cycle, errors, and the choice of the next task.
//!
//! Owns the input stream handler rules (default: synchronise inputs by
//! timestamp; immediate: one call per arriving timestamp), timestamp bound
//! propagation, monotonic-timestamp checks and back-pressure queries. It
//! never calls user code: it only hands out [`Task`]s and takes their
//! results back (see `scheduler`). Always used under the run's mutex.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use super::calculator::{Calculator, InputPolicy};
use super::validate::Plan;
use crate::packet::Packet;
use crate::status::Status;
use crate::timestamp::Timestamp;

/// One input stream of a node (or observer): queued packets plus the
/// bound below which no new packet may arrive.
#[derive(Debug)]
pub struct InputQueue {
    /// Packets not yet handed to the node.
    pub packets: VecDeque<Packet>,
    /// Smallest timestamp a future packet may have.
    pub bound: Timestamp,
    /// Stream name (for messages).
    pub stream: String,
}

impl InputQueue {
    fn new(stream: &str) -> InputQueue {
        InputQueue { packets: VecDeque::new(), bound: Timestamp::UNSTARTED, stream: stream.to_string() }
    }

    /// Timestamp of the next packet this queue can deliver, or its bound.
    pub fn next_timestamp(&self) -> Timestamp {
        self.packets.front().map_or(self.bound, Packet::timestamp)
    }
}

/// What a node is.
pub enum NodeKind {
    /// Node `index` of the plan.
    Calculator(usize),
    /// Observer `index` of the graph, watching one stream.
    Observer { index: usize, observe_bounds: bool },
}

/// Run-time state of a node.
pub struct NodeState {
    /// Calculator or observer.
    pub kind: NodeKind,
    /// One queue per input port (observers have one).
    pub queues: Vec<InputQueue>,
    /// The calculator while it is idle (taken out while it runs).
    pub calculator: Option<Box<dyn Calculator>>,
    /// Input grouping.
    pub policy: InputPolicy,
    /// Offset set in `open`.
    pub offset: Option<i64>,
    /// A task for this node is executing.
    pub running: bool,
    /// `close` has completed (observers: the stream is done).
    pub closed: bool,
    /// Source node that asked to stop (or was told to).
    pub stopped: bool,
    /// Observers: timestamp of the last delivery.
    pub last_delivered: Timestamp,
    /// Input side packets, resolved when the node opened.
    pub side_inputs: Vec<Packet>,
}

/// Run-time state of a stream.
pub struct StreamState {
    /// Smallest timestamp the producer may still emit.
    pub bound: Timestamp,
    /// `(node state index, port)` readers, observers included.
    pub consumers: Vec<(usize, usize)>,
}

/// One unit of work handed to a worker.
pub enum Task {
    /// Run `process` at `timestamp` with `inputs` (one per port).
    Process { node: usize, timestamp: Timestamp, inputs: Vec<Packet> },
    /// Run `close`; `cancelled` when the run failed (outputs are dropped).
    Close { node: usize, cancelled: bool },
    /// Give `packets` (all that were queued, in order) to observer node
    /// `node`: one task per batch, not per packet.
    Observe { node: usize, packets: Vec<Packet> },
}

/// Whether the run is still going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nodes are opened or running.
    Running,
    /// Every node closed; workers exit.
    Done,
}

/// Everything that changes during a run.
pub struct RunState {
    /// The validated graph.
    pub plan: Arc<Plan>,
    /// Calculator nodes first (plan order), then observers.
    pub nodes: Vec<NodeState>,
    /// Streams by plan id.
    pub streams: Vec<StreamState>,
    /// Errors of this run, in order.
    pub errors: Vec<Status>,
    /// Output side packets produced so far.
    pub side_packets: HashMap<String, Packet>,
    /// Tasks executing now.
    pub running: usize,
    /// Something changed since workers last found nothing to do.
    pub dirty: bool,
    /// Run phase.
    pub phase: Phase,
    /// Per-queue limit; `None` = unlimited.
    pub queue_limit: Option<usize>,
    /// Set when the graph object is dropped: workers exit at once.
    pub shutdown: bool,
    /// Packets delivered to observers since `wait_for_observed_output` last returned.
    pub observed: bool,
    /// Workers waiting for work.
    pub idle_workers: usize,
    /// Clients (graph API calls) waiting for a change.
    pub waiting_clients: usize,
    /// Tasks claimed by a busy worker for an idle one (counted in `running`).
    handoff: VecDeque<Task>,
    /// Where the next task search starts (round robin).
    cursor: usize,
}

impl RunState {
    /// Fresh state for a run of `plan` with observers `(stream id, bounds flag)`.
    pub fn new(plan: Arc<Plan>, observers: &[(usize, bool)], queue_limit: Option<usize>) -> RunState {
        let mut streams: Vec<StreamState> =
            plan.streams.iter().map(|s| StreamState { bound: Timestamp::UNSTARTED, consumers: s.consumers.clone() }).collect();
        let mut nodes: Vec<NodeState> = plan
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let queues = node.input_streams.iter().map(|&s| InputQueue::new(&plan.streams[s].name)).collect();
                NodeState::new(NodeKind::Calculator(i), queues, node.policy)
            })
            .collect();
        for (index, &(stream, observe_bounds)) in observers.iter().enumerate() {
            streams[stream].consumers.push((nodes.len(), 0));
            let queue = InputQueue::new(&plan.streams[stream].name);
            let kind = NodeKind::Observer { index, observe_bounds };
            nodes.push(NodeState::new(kind, vec![queue], InputPolicy::Immediate));
        }
        RunState {
            plan,
            nodes,
            streams,
            errors: Vec::new(),
            side_packets: HashMap::new(),
            running: 0,
            dirty: true,
            phase: Phase::Running,
            queue_limit,
            shutdown: false,
            observed: false,
            idle_workers: 0,
            waiting_clients: 0,
            handoff: VecDeque::new(),
            cursor: 0,
        }
    }

    /// Records a run error.
    pub fn fail(&mut self, status: Status) {
        self.errors.push(status);
        self.dirty = true;
    }

    /// True when some calculator reading `stream` has a full queue.
    pub fn is_full(&self, stream: usize) -> bool {
        let Some(limit) = self.queue_limit else { return false };
        self.streams[stream]
            .consumers
            .iter()
            .any(|&(n, p)| matches!(self.nodes[n].kind, NodeKind::Calculator(_)) && self.nodes[n].queues[p].packets.len() >= limit)
    }

    /// True when nothing runs and nothing is ready.
    pub fn is_idle(&self) -> bool {
        self.running == 0 && !self.dirty
    }

    /// Adds a packet to `stream` (graph input or node output) and hands it
    /// to every reader, checking each reader's monotonic timestamp order.
    pub fn emit(&mut self, stream: usize, packet: Packet) {
        let ts = packet.timestamp();
        self.streams[stream].bound = self.streams[stream].bound.max(ts.next_allowed_in_stream());
        for i in 0..self.streams[stream].consumers.len() {
            let (n, p) = self.streams[stream].consumers[i];
            let queue = &mut self.nodes[n].queues[p];
            if ts < queue.bound {
                let message = mismatch_message(&queue.stream, queue.bound, ts);
                self.fail(Status::invalid_argument(message));
                continue;
            }
            queue.bound = ts.next_allowed_in_stream();
            queue.packets.push_back(packet.clone());
            self.after_input_change(n);
        }
        self.dirty = true;
    }

    /// Raises the bound of `stream` to `bound` (no-op if not higher).
    pub fn advance_bound(&mut self, stream: usize, bound: Timestamp) {
        if bound <= self.streams[stream].bound {
            return;
        }
        self.streams[stream].bound = bound;
        for i in 0..self.streams[stream].consumers.len() {
            let (n, p) = self.streams[stream].consumers[i];
            let queue = &mut self.nodes[n].queues[p];
            if bound > queue.bound {
                queue.bound = bound;
                self.after_input_change(n);
            }
        }
        self.dirty = true;
    }

    /// Propagates bounds through a node with an offset, once its inputs
    /// moved (skipped while the node runs; redone when it finishes).
    pub fn after_input_change(&mut self, n: usize) {
        let node = &self.nodes[n];
        let (NodeKind::Calculator(index), Some(offset)) = (&node.kind, node.offset) else { return };
        if node.running || node.closed || node.queues.is_empty() {
            return;
        }
        // With a packet queued the node will run soon and set the bound
        // itself; propagating now would only announce a smaller bound.
        if node.queues.iter().any(|q| !q.packets.is_empty()) {
            return;
        }
        let settled = node.queues.iter().map(InputQueue::next_timestamp).min().unwrap_or(Timestamp::DONE);
        if !settled.is_range_value() {
            return;
        }
        let Ok(bound) = settled.checked_add(offset) else { return };
        let outputs = self.plan.nodes[*index].output_streams.clone();
        for stream in outputs {
            self.advance_bound(stream, bound);
        }
    }

    /// The next task for a worker: a handed-off one, else a new claim.
    pub fn take_task(&mut self) -> Option<Task> {
        self.handoff.pop_front().or_else(|| self.next_task())
    }

    /// Queues a claimed task for another worker.
    pub fn hand_off(&mut self, task: Task) {
        self.handoff.push_back(task);
    }

    /// Claimed tasks waiting in the hand-off queue.
    pub fn handed_off(&self) -> usize {
        self.handoff.len()
    }

    /// Finds and claims the next task, if any (round robin over nodes).
    pub fn next_task(&mut self) -> Option<Task> {
        let count = self.nodes.len();
        for step in 0..count {
            let n = (self.cursor + step) % count;
            if self.nodes[n].running || self.nodes[n].closed {
                continue;
            }
            if let Some(task) = self.task_for(n) {
                self.cursor = (n + 1) % count.max(1);
                self.nodes[n].running = true;
                self.running += 1;
                return Some(task);
            }
        }
        None
    }

    fn task_for(&mut self, n: usize) -> Option<Task> {
        let failed = !self.errors.is_empty();
        let is_observer = matches!(self.nodes[n].kind, NodeKind::Observer { .. });
        if failed {
            if is_observer {
                self.nodes[n].closed = true;
                return None;
            }
            if self.nodes[n].calculator.is_none() {
                self.nodes[n].closed = true;
                return None;
            }
            return Some(Task::Close { node: n, cancelled: true });
        }
        if is_observer {
            return self.observer_task(n);
        }
        if self.nodes[n].queues.is_empty() {
            return self.source_task(n);
        }
        match self.nodes[n].policy {
            InputPolicy::SyncByTimestamp => self.synced_task(n),
            InputPolicy::Immediate => self.immediate_task(n),
        }
    }

    fn source_task(&mut self, n: usize) -> Option<Task> {
        if self.nodes[n].stopped {
            return Some(Task::Close { node: n, cancelled: false });
        }
        let NodeKind::Calculator(index) = self.nodes[n].kind else { return None };
        let outputs = &self.plan.nodes[index].output_streams;
        if outputs.iter().any(|&s| self.is_full(s)) {
            return None;
        }
        Some(Task::Process { node: n, timestamp: Timestamp::UNSTARTED, inputs: Vec::new() })
    }

    /// True when every input that is not a back edge is empty and done
    /// (back edges cannot keep a node open: they loop back from it).
    fn inputs_done(&self, n: usize) -> bool {
        let NodeKind::Calculator(index) = self.nodes[n].kind else { return false };
        let back = &self.plan.nodes[index].back_edges;
        let queues = &self.nodes[n].queues;
        let forward = (0..queues.len()).filter(|&p| !back[p]).collect::<Vec<_>>();
        let relevant: Vec<usize> = if forward.is_empty() { (0..queues.len()).collect() } else { forward };
        relevant.iter().all(|&p| queues[p].packets.is_empty() && queues[p].bound == Timestamp::DONE)
    }

    fn synced_task(&mut self, n: usize) -> Option<Task> {
        if self.inputs_done(n) {
            return Some(Task::Close { node: n, cancelled: false });
        }
        let queues = &self.nodes[n].queues;
        let t = queues.iter().map(InputQueue::next_timestamp).min()?;
        let ready = queues.iter().all(|q| !q.packets.is_empty() || q.bound > t);
        ready.then(|| self.take_inputs_at(n, t))
    }

    fn immediate_task(&mut self, n: usize) -> Option<Task> {
        if self.inputs_done(n) {
            return Some(Task::Close { node: n, cancelled: false });
        }
        let queues = &self.nodes[n].queues;
        let heads = queues.iter().filter_map(|q| q.packets.front().map(Packet::timestamp));
        let t = heads.min()?;
        Some(self.take_inputs_at(n, t))
    }

    fn take_inputs_at(&mut self, n: usize, t: Timestamp) -> Task {
        let inputs = self.nodes[n]
            .queues
            .iter_mut()
            .map(|q| match q.packets.front() {
                Some(p) if p.timestamp() == t => q.packets.pop_front().unwrap_or_default(),
                _ => Packet::empty(),
            })
            .collect();
        self.dirty = true;
        Task::Process { node: n, timestamp: t, inputs }
    }

    fn observer_task(&mut self, n: usize) -> Option<Task> {
        let NodeKind::Observer { observe_bounds, .. } = self.nodes[n].kind else { return None };
        let node = &mut self.nodes[n];
        let queue = &mut node.queues[0];
        if let Some(last) = queue.packets.back() {
            node.last_delivered = last.timestamp();
            let packets = queue.packets.drain(..).collect();
            self.dirty = true;
            return Some(Task::Observe { node: n, packets });
        }
        if queue.bound == Timestamp::DONE {
            node.closed = true;
            return None;
        }
        let settled = queue.bound.previous_allowed_in_stream();
        if observe_bounds && queue.bound.is_range_value() && settled > node.last_delivered {
            node.last_delivered = settled;
            return Some(Task::Observe { node: n, packets: vec![Packet::empty().at(settled)] });
        }
        None
    }

    /// True when every node has closed and nothing runs.
    pub fn all_closed(&self) -> bool {
        self.running == 0 && self.nodes.iter().all(|n| n.closed)
    }

    /// True when a worker may find a task right after the nodes opened: a
    /// source node, an error, or a packet or moved bound on some queue.
    /// Otherwise nothing can happen before the first input.
    pub fn has_work_at_start(&self) -> bool {
        let source = |n: &NodeState| matches!(n.kind, NodeKind::Calculator(_)) && n.queues.is_empty();
        let fed = |n: &NodeState| n.queues.iter().any(|q| !q.packets.is_empty() || q.bound != Timestamp::UNSTARTED);
        !self.errors.is_empty() || self.nodes.iter().any(|n| source(n) || fed(n))
    }

    /// True when an unclosed source node exists.
    pub fn has_open_source(&self) -> bool {
        self.nodes.iter().any(|n| matches!(n.kind, NodeKind::Calculator(_)) && n.queues.is_empty() && !n.closed && !n.stopped)
    }
}

impl NodeState {
    fn new(kind: NodeKind, queues: Vec<InputQueue>, policy: InputPolicy) -> NodeState {
        NodeState {
            kind,
            queues,
            calculator: None,
            policy,
            offset: None,
            running: false,
            closed: false,
            stopped: false,
            last_delivered: Timestamp::UNSTARTED,
            side_inputs: Vec::new(),
        }
    }
}

/// MediaPipe's message for a packet below a reader's bound.
pub fn mismatch_message(stream: &str, bound: Timestamp, received: Timestamp) -> String {
    format!(
        "Packet timestamp mismatch on a calculator receiving from stream \"{stream}\". \
         Current minimum expected timestamp is {} but received {}. Are you using a custom \
         InputStreamHandler? Note that some InputStreamHandlers allow timestamps that are \
         not strictly monotonically increasing. See for example the ImmediateInputStreamHandler \
         class comment.",
        bound.value(),
        received.value()
    )
}
