//! Worker threads: take tasks from the [`RunState`], run calculator and
//! observer code outside the lock, and apply the results.
//!
//! Owns the run's mutex and condition variables, the worker loop, the
//! application of a calculator call's outputs (packets, bounds, offsets,
//! side packets, errors) and the opening of nodes at the start of a run.
//! It does not know the public graph API.
//!
//! Wake-ups are targeted, because on a busy machine each needless one is a
//! context switch per packet: workers sleep on `work` and clients (the
//! graph API's blocking calls) on `changed`; each side is signalled only
//! when someone waits there. New input wakes one idle worker; a worker
//! that finishes a task goes on with the next one itself and wakes an idle
//! worker only when it claimed a second task for it (the hand-off queue).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};

use super::calculator::{Calculator, CalculatorContext};
use super::run_state::{NodeKind, Phase, RunState, Task};
use crate::packet::Packet;
use crate::status::{Result, Status};
use crate::timestamp::Timestamp;

/// An output stream observer: `(stream name, packet) -> Result`.
pub type ObserverFn = Box<dyn FnMut(&str, &Packet) -> Result<()> + Send>;

/// Runs one batch of observer calls (all packets queued for one observer,
/// delivered by one worker). A binding installs one to pay its per-call
/// set-up once per batch: the Python binding takes the GIL, and with it a
/// Python thread state, once for the batch instead of once per packet.
pub type BatchScope = fn(&mut dyn FnMut());

static BATCH_SCOPE: OnceLock<BatchScope> = OnceLock::new();

/// Installs the process-wide [`BatchScope`]; the first one installed stays.
pub fn set_observer_batch_scope(scope: BatchScope) {
    let _ = BATCH_SCOPE.set(scope);
}

/// State shared by the graph object and its workers during one run.
pub struct Shared {
    /// The run state.
    pub state: Mutex<RunState>,
    /// Clients wait here; signalled after state changes a client may await
    /// (queues drained, idle, done, errors, observed output).
    pub changed: Condvar,
    /// Idle workers wait here; signalled when work appears.
    pub work: Condvar,
    /// Observer callbacks with their stream names, by observer index.
    pub observers: Vec<(String, Arc<Mutex<ObserverFn>>)>,
}

impl Shared {
    /// Locks the run state (a poisoned lock is still usable: the state is
    /// only changed in small steps that keep it consistent).
    pub fn lock(&self) -> MutexGuard<'_, RunState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A client waits for the next change (counted, so that workers
    /// signal `changed` only while someone waits).
    pub fn wait<'a>(&self, mut guard: MutexGuard<'a, RunState>) -> MutexGuard<'a, RunState> {
        guard.waiting_clients += 1;
        let mut guard = self.changed.wait(guard).unwrap_or_else(|e| e.into_inner());
        guard.waiting_clients -= 1;
        guard
    }

    /// A worker waits for work (counted as idle meanwhile).
    fn wait_for_work<'a>(&self, mut guard: MutexGuard<'a, RunState>) -> MutexGuard<'a, RunState> {
        guard.idle_workers += 1;
        let mut guard = self.work.wait(guard).unwrap_or_else(|e| e.into_inner());
        guard.idle_workers -= 1;
        guard
    }

    /// After new input (packets, bounds, closed streams): wakes one idle
    /// worker and any waiting client. Call with the state locked.
    pub fn input_changed(&self, state: &RunState) {
        if state.idle_workers > 0 {
            self.work.notify_one();
        }
        self.notify_clients(state);
    }

    /// Wakes every waiting client. Call with the state locked.
    pub fn notify_clients(&self, state: &RunState) {
        if state.waiting_clients > 0 {
            self.changed.notify_all();
        }
    }

    /// Wakes every worker and every client (shutdown, end of run, closing
    /// all sources).
    pub fn notify_everyone(&self) {
        self.work.notify_all();
        self.changed.notify_all();
    }
}

/// Which calculator method a call was.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Phase3 {
    /// `open`.
    Open,
    /// `process`.
    Process,
    /// `close`.
    Close,
}

impl Phase3 {
    fn name(self) -> &'static str {
        match self {
            Phase3::Open => "Open",
            Phase3::Process => "Process",
            Phase3::Close => "Close",
        }
    }
}

/// Builds the context of one call of calculator node `n` (calculator
/// nodes come first in the run state, at their plan index).
pub fn context(state: &RunState, n: usize, timestamp: Timestamp, mut inputs: Vec<Packet>) -> CalculatorContext {
    let plan = &state.plan.nodes[n];
    inputs.resize(plan.inputs.len(), Packet::empty());
    CalculatorContext {
        node: Arc::clone(&plan.config),
        input_tags: Arc::clone(&plan.inputs),
        output_tags: Arc::clone(&plan.outputs),
        side_in_tags: Arc::clone(&plan.side_inputs),
        side_out_tags: Arc::clone(&plan.side_outputs),
        input_timestamp: timestamp,
        inputs,
        input_side_packets: state.nodes[n].side_inputs.clone(),
        outputs: vec![Vec::new(); plan.outputs.len()],
        bounds: vec![None; plan.outputs.len()],
        output_side_packets: vec![None; plan.side_outputs.len()],
        offset: state.nodes[n].offset,
        stop: false,
    }
}

/// Runs one calculator method, turning a panic into an INTERNAL error.
pub fn call(calc: &mut dyn Calculator, cc: &mut CalculatorContext, phase: Phase3) -> Result<()> {
    let outcome = catch_unwind(AssertUnwindSafe(|| match phase {
        Phase3::Open => calc.open(cc),
        Phase3::Process => calc.process(cc),
        Phase3::Close => calc.close(cc),
    }));
    outcome.unwrap_or_else(|_| Err(Status::internal("the calculator panicked")))
}

fn check_output(state: &RunState, stream: usize, packet: &Packet) -> Result<()> {
    let ts = packet.timestamp();
    let s = &state.plan.streams[stream].name;
    if !ts.is_allowed_in_stream() {
        return Err(Status::invalid_argument(format!(
            "In stream \"{s}\", timestamp not specified or set to illegal value: {}",
            ts.name_or_value()
        )));
    }
    let bound = state.streams[stream].bound;
    if ts < bound {
        return Err(Status::invalid_argument(format!(
            "Packet timestamp {} on output stream \"{s}\" is below the stream's bound {}.",
            ts.name_or_value(),
            bound.name_or_value()
        )));
    }
    Ok(())
}

/// Applies the effects of a finished calculator call of node `n`.
pub fn apply(state: &mut RunState, n: usize, cc: CalculatorContext, result: Result<()>, phase: Phase3, cancelled: bool) {
    let NodeKind::Calculator(index) = state.nodes[n].kind else { return };
    let plan = Arc::clone(&state.plan);
    let node = &plan.nodes[index];
    state.nodes[n].offset = cc.offset;
    if let Err(e) = result {
        let prefix = format!("Calculator::{}() for node \"{}\" failed: ", phase.name(), node.debug_name);
        state.fail(e.with_prefix(&prefix));
    }
    if !cancelled {
        for (port, packets) in cc.outputs.into_iter().enumerate() {
            let stream = node.output_streams[port];
            for packet in packets {
                match check_output(state, stream, &packet) {
                    Ok(()) => state.emit(stream, packet),
                    Err(e) => state.fail(e),
                }
            }
        }
        for (port, bound) in cc.bounds.iter().enumerate() {
            if let Some(b) = bound {
                state.advance_bound(node.output_streams[port], *b);
            }
        }
        advance_by_offset(state, &node.output_streams, cc.offset, cc.input_timestamp, phase);
    }
    for (port, packet) in cc.output_side_packets.into_iter().enumerate() {
        if let Some(p) = packet {
            state.side_packets.insert(node.side_outputs.entries()[port].name.clone(), p);
        }
    }
    state.nodes[n].stopped |= cc.stop;
    if phase == Phase3::Close {
        state.nodes[n].closed = true;
        for &stream in &node.output_streams {
            state.advance_bound(stream, Timestamp::DONE);
        }
    }
    state.dirty = true;
}

fn advance_by_offset(state: &mut RunState, outputs: &[usize], offset: Option<i64>, ts: Timestamp, phase: Phase3) {
    let Some(offset) = offset else { return };
    if phase != Phase3::Process || !ts.is_range_value() {
        return;
    }
    if let Ok(shifted) = ts.checked_add(offset) {
        for &stream in outputs {
            state.advance_bound(stream, shifted.next_allowed_in_stream());
        }
    }
}

/// The worker loop: runs until the run is done or the graph shuts down.
pub fn worker(shared: Arc<Shared>) {
    let mut state = shared.lock();
    loop {
        if state.shutdown || state.phase == Phase::Done {
            break;
        }
        if let Some(task) = state.take_task() {
            hand_off_second_task(&shared, &mut state);
            state = run_task(&shared, state, task);
            state.running -= 1;
            shared.notify_clients(&state);
            continue;
        }
        state.dirty = false;
        if state.all_closed() {
            state.phase = Phase::Done;
            shared.notify_everyone();
            break;
        }
        if state.running == 0 {
            shared.notify_clients(&state);
        }
        state = shared.wait_for_work(state);
    }
}

/// With a worker idle, claims one more task for it and wakes it, so that
/// independent nodes run in parallel; otherwise the ready work is left for
/// this worker's next round (no wake-up that would find nothing to do).
fn hand_off_second_task(shared: &Shared, state: &mut RunState) {
    if state.idle_workers > state.handed_off() {
        if let Some(task) = state.next_task() {
            state.hand_off(task);
            shared.work.notify_one();
        }
    }
}

/// Drives a run that has no workers on the calling thread (`close` of a
/// run that never got input): calculator tasks run here as they would on
/// a worker. Returns true once the run is done; false at the first
/// observer task, which is handed off for the workers to be started (user
/// callbacks run on worker threads only), or when nothing is ready.
pub fn run_without_workers(shared: &Shared) -> bool {
    let mut state = shared.lock();
    loop {
        if state.shutdown || state.phase == Phase::Done {
            return true;
        }
        match state.take_task() {
            Some(task @ Task::Observe { .. }) => {
                state.hand_off(task);
                return false;
            }
            Some(task) => {
                state = run_task(shared, state, task);
                state.running -= 1;
            }
            None if state.all_closed() => {
                state.dirty = false;
                state.phase = Phase::Done;
                return true;
            }
            None => return false,
        }
    }
}

fn run_task<'a>(shared: &'a Shared, mut state: MutexGuard<'a, RunState>, task: Task) -> MutexGuard<'a, RunState> {
    match task {
        Task::Process { node, timestamp, inputs } => state = run_calculator(shared, state, node, timestamp, inputs, Phase3::Process, false),
        Task::Close { node, cancelled } => {
            state = run_calculator(shared, state, node, Timestamp::DONE, Vec::new(), Phase3::Close, cancelled)
        }
        Task::Observe { node, packets } => {
            let NodeKind::Observer { index, .. } = state.nodes[node].kind else { return state };
            drop(state);
            let result = observe(shared, index, &packets);
            state = shared.lock();
            if let Err(e) = result {
                state.fail(e);
            }
            state.observed = true;
            state.nodes[node].running = false;
            state.dirty = true;
        }
    }
    state
}

/// Delivers `packets` in order; the first error ends the batch (the run
/// fails, so the rest would not be delivered one by one either). A panic,
/// in a callback or in the batch scope, is an INTERNAL error.
fn observe(shared: &Shared, index: usize, packets: &[Packet]) -> Result<()> {
    let (name, callback) = &shared.observers[index];
    let mut callback = callback.lock().unwrap_or_else(|e| e.into_inner());
    let mut result = Err(Status::internal("the output stream observer panicked"));
    let mut deliver = || result = packets.iter().try_for_each(|packet| (callback)(name, packet));
    let _panicked = catch_unwind(AssertUnwindSafe(|| match BATCH_SCOPE.get() {
        Some(scope) => scope(&mut deliver),
        None => deliver(),
    }));
    result
}

fn run_calculator<'a>(
    shared: &'a Shared,
    mut state: MutexGuard<'a, RunState>,
    n: usize,
    timestamp: Timestamp,
    inputs: Vec<Packet>,
    phase: Phase3,
    cancelled: bool,
) -> MutexGuard<'a, RunState> {
    let mut cc = context(&state, n, timestamp, inputs);
    let Some(mut calc) = state.nodes[n].calculator.take() else {
        state.nodes[n].running = false;
        return state;
    };
    drop(state);
    let result = call(calc.as_mut(), &mut cc, phase);
    let mut state = shared.lock();
    if phase != Phase3::Close {
        state.nodes[n].calculator = Some(calc);
    }
    state.nodes[n].running = false;
    apply(&mut state, n, cc, result, phase, cancelled);
    state.after_input_change(n);
    state
}
