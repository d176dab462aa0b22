//! [`CalculatorGraph`]: the public graph object: construction from a
//! config, properties, observers and `start_run`.
//!
//! Owns the run life cycle (never started → running → finished → closed,
//! and restart) and the checks done before a run starts (required side
//! packets, node opening). Feeding, closing and waiting are in
//! `graph_io`; scheduling is in `scheduler` and `run_state`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use bindery_annotations as bindery;

use super::add_mode::GraphInputStreamAddMode;
use super::calculator::PortType;
use super::config::GraphConfig;
use super::errors::combined;
use super::proto;
use super::run_state::{Phase, RunState};
use super::scheduler::{self, ObserverFn, Phase3, Shared};
use super::validate::{self, Plan};
use super::validated_graph_config::{self as vgc, ValidatedGraphConfig};
use crate::packet::Packet;
use crate::status::{Result, Status};
use crate::timestamp::Timestamp;

/// An observer attached with `observe_output_stream`.
pub(crate) struct ObserverReg {
    pub(crate) stream: usize,
    pub(crate) name: String,
    pub(crate) callback: Arc<Mutex<ObserverFn>>,
    pub(crate) observe_bounds: bool,
}

/// A run that has started and not yet been closed.
pub(crate) struct ActiveRun {
    pub(crate) shared: Arc<Shared>,
    /// The worker threads; empty until the run first has work (see
    /// [`ActiveRun::start_workers`]).
    pub(crate) workers: Vec<JoinHandle<()>>,
    /// How many workers to start.
    pub(crate) thread_count: usize,
}

impl ActiveRun {
    /// Starts the workers unless they run already or the run is over.
    /// Workers start lazily, on the first input or wait: a run that gets
    /// none is opened and closed on the caller's thread (`close`), without
    /// starting and joining threads.
    pub(crate) fn start_workers(&mut self) {
        if !self.workers.is_empty() || self.shared.lock().phase == Phase::Done {
            return;
        }
        self.workers = (0..self.thread_count)
            .map(|_| {
                let shared = Arc::clone(&self.shared);
                std::thread::spawn(move || scheduler::worker(shared))
            })
            .collect();
    }

    /// True when the calling thread is one of this run's workers, i.e. the
    /// caller is an output stream observer of this graph.
    pub(crate) fn is_worker_thread(&self) -> bool {
        let me = std::thread::current().id();
        self.workers.iter().any(|w| w.thread().id() == me)
    }
}

/// Mutable graph-level state, behind one mutex.
#[derive(Default)]
pub(crate) struct Control {
    pub(crate) run: Option<ActiveRun>,
    pub(crate) observers: Vec<ObserverReg>,
    pub(crate) started_once: bool,
    pub(crate) last_side_packets: HashMap<String, Packet>,
}

/// A MediaPipe calculator graph: validated config plus run state. All
/// methods take `&self`; the graph may be fed from several threads.
#[bindery::class(module = "calculator_graph", name = "CalculatorGraph")]
pub struct CalculatorGraph {
    pub(crate) plan: Arc<Plan>,
    pub(crate) control: Mutex<Control>,
    pub(crate) add_mode: AtomicI32,
}

fn both_or_none_error() -> Status {
    Status::invalid_argument(
        "Please provide one of the following: 'binary_graph_path' to initialize the graph with a \
         binary graph file, or 'graph_config' to initialize the graph with a graph config proto, \
         or 'validated_graph_config' to initialize the graph with a ValidatedGraphConfig object.",
    )
}

#[bindery::methods]
impl CalculatorGraph {
    /// `CalculatorGraph(binary_graph_path=..., graph_config=...,
    /// validated_graph_config=...)`: exactly one source. A missing binary
    /// file is reported before the count is checked, as in the reference.
    #[bindery::constructor]
    pub fn new(
        binary_graph_path: Option<&str>,
        graph_config: Option<&str>,
        validated_graph_config: Option<&ValidatedGraphConfig>,
    ) -> Result<CalculatorGraph> {
        let binary = binary_graph_path.map(vgc::load_binary_file).transpose()?;
        let given = binary.is_some() as u8 + graph_config.is_some() as u8 + validated_graph_config.is_some() as u8;
        if given != 1 {
            return Err(both_or_none_error());
        }
        if let Some(config) = binary {
            return Self::from_config(config);
        }
        if let Some(text) = graph_config {
            return Self::from_text(text);
        }
        match validated_graph_config {
            Some(validated) => Self::from_validated(validated),
            None => Err(both_or_none_error()),
        }
    }

    /// A graph from a text-format config.
    pub fn from_text(text: &str) -> Result<CalculatorGraph> {
        Self::from_config(vgc::load_text(text)?)
    }

    /// A graph from a binary config file.
    pub fn from_binary_file(path: &str) -> Result<CalculatorGraph> {
        Self::from_config(vgc::load_binary_file(path)?)
    }

    /// A graph from a parsed config (validated here).
    pub fn from_config(config: GraphConfig) -> Result<CalculatorGraph> {
        Ok(Self::from_plan(Arc::new(validate::validate(config)?)))
    }

    /// A graph from a `ValidatedGraphConfig`; an uninitialized one gives an
    /// empty graph, as in the reference.
    pub fn from_validated(validated: &ValidatedGraphConfig) -> Result<CalculatorGraph> {
        match validated.plan() {
            Some(plan) => Ok(Self::from_plan(plan)),
            None => Self::from_config(GraphConfig::from_text("")?),
        }
    }

    fn from_plan(plan: Arc<Plan>) -> CalculatorGraph {
        CalculatorGraph { plan, control: Mutex::default(), add_mode: AtomicI32::new(0) }
    }

    /// The canonical config as text (`DebugString` layout).
    #[bindery::getter(name = "text_config")]
    pub fn text_config(&self) -> String {
        vgc::text_config(&self.plan)
    }

    /// The config as serialized protobuf bytes.
    #[bindery::getter(name = "binary_config")]
    pub fn binary_config(&self) -> Vec<u8> {
        proto::to_binary(&self.plan.config.message)
    }

    /// The config's `max_queue_size` (100 when unset).
    #[bindery::getter(name = "max_queue_size")]
    pub fn max_queue_size(&self) -> i32 {
        self.plan.config.reported_max_queue_size()
    }

    /// The current add mode (default WAIT_TILL_NOT_FULL).
    #[bindery::getter(name = "graph_input_stream_add_mode")]
    pub fn graph_input_stream_add_mode(&self) -> GraphInputStreamAddMode {
        GraphInputStreamAddMode::from_value(self.add_mode.load(Ordering::SeqCst)).unwrap_or_default()
    }

    /// Setter of the `graph_input_stream_add_mode` property.
    #[bindery::setter(name = "graph_input_stream_add_mode")]
    pub fn set_graph_input_stream_add_mode(&self, mode: GraphInputStreamAddMode) {
        self.add_mode.store(mode as i32, Ordering::SeqCst);
    }

    /// Calls `callback(stream_name, packet)` from a worker thread for every
    /// packet on `stream_name`, in timestamp order; with
    /// `observe_timestamp_bounds`, also an empty packet at `bound - 1` when
    /// only the bound moves. A callback error fails the run. Must precede
    /// `start_run` (FAILED_PRECONDITION otherwise; the reference aborts).
    /// Unknown stream: NOT_FOUND.
    #[bindery::method(name = "observe_output_stream")]
    pub fn observe_output_stream(&self, stream_name: &str, callback: ObserverFn, observe_timestamp_bounds: bool) -> Result<()> {
        let mut control = self.lock_control();
        if control.run.is_some() {
            return Err(Status::failed_precondition("; observe_output_stream() must be called before start_run()."));
        }
        let Some(&stream) = self.plan.stream_ids.get(stream_name) else {
            return Err(Status::not_found(format!(
                "; Unable to attach observer to output stream \"{stream_name}\" because it doesn't exist."
            )));
        };
        let callback = Arc::new(Mutex::new(callback));
        let name = stream_name.to_string();
        control.observers.push(ObserverReg { stream, name, callback, observe_bounds: observe_timestamp_bounds });
        Ok(())
    }

    /// Starts a run with the given input side packets: checks required side
    /// packets (INVALID_ARGUMENT `ValidateRequiredSidePackets failed to
    /// validate: ...`), opens every node (an `open` failure is returned with
    /// its code) and starts the workers when there is work already (else
    /// on the first input or wait). While a run is in progress:
    /// FAILED_PRECONDITION (the reference hangs).
    #[bindery::method(name = "start_run")]
    pub fn start_run(&self, input_side_packets: HashMap<String, Packet>) -> Result<()> {
        let mut control = self.lock_control();
        self.retire_finished_run(&mut control)?;
        self.check_side_packets(&input_side_packets)?;
        let observers: Vec<(usize, bool)> = control.observers.iter().map(|o| (o.stream, o.observe_bounds)).collect();
        let mut state = RunState::new(Arc::clone(&self.plan), &observers, self.plan.config.queue_limit());
        if let Err(e) = open_nodes(&mut state, &input_side_packets) {
            control.last_side_packets = state.side_packets;
            return Err(e);
        }
        let work_at_start = state.has_work_at_start();
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            changed: Condvar::new(),
            work: Condvar::new(),
            observers: control.observers.iter().map(|o| (o.name.clone(), Arc::clone(&o.callback))).collect(),
        });
        let mut run = ActiveRun { shared, workers: Vec::new(), thread_count: self.plan.config.worker_threads() };
        if work_at_start {
            run.start_workers();
        }
        control.run = Some(run);
        control.started_once = true;
        control.last_side_packets.clear();
        Ok(())
    }

    pub(crate) fn lock_control(&self) -> MutexGuard<'_, Control> {
        self.control.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Drops a run that has finished (restart without close); refuses a
    /// run still in progress.
    fn retire_finished_run(&self, control: &mut Control) -> Result<()> {
        let Some(run) = &control.run else { return Ok(()) };
        if run.shared.lock().phase == Phase::Running {
            return Err(Status::failed_precondition(
                "; CalculatorGraph::StartRun() is called while the previous run is still in progress; \
                 call close() or wait_until_done() first.",
            ));
        }
        finish_run(control);
        Ok(())
    }

    fn check_side_packets(&self, given: &HashMap<String, Packet>) -> Result<()> {
        let mut statuses = Vec::new();
        for (name, ty) in &self.plan.required_side_packets {
            let Some(packet) = given.get(name) else {
                statuses.push(Status::invalid_argument(format!("; Side packet \"{name}\" is required but was not provided.")));
                continue;
            };
            if let Err(problem) = check_type(packet, *ty) {
                statuses.push(Status::invalid_argument(format!("Side packet \"{name}\" failed validation: {problem}")));
            }
        }
        match combined("ValidateRequiredSidePackets failed to validate: ", &statuses) {
            Some(status) => Err(status),
            None => Ok(()),
        }
    }
}

fn check_type(packet: &Packet, ty: PortType) -> std::result::Result<(), String> {
    let PortType::Named(expected) = ty else { return Ok(()) };
    match packet.type_name() {
        None => Err(format!("Empty packets are not allowed for type: {expected}")),
        Some(actual) if actual != expected => Err(format!("The Packet stores \"{actual}\", but \"{expected}\" was requested.")),
        Some(_) => Ok(()),
    }
}

/// Joins a finished run's workers and keeps its output side packets. The
/// calling thread is not joined when it is one of the workers (the graph
/// dropped from its own observer): it ends by itself once the callback
/// returns and it sees the run is over.
pub(crate) fn finish_run(control: &mut Control) {
    if let Some(run) = control.run.take() {
        let me = std::thread::current().id();
        for worker in run.workers {
            if worker.thread().id() != me {
                let _ = worker.join();
            }
        }
        control.last_side_packets = run.shared.lock().side_packets.clone();
    }
}

/// Creates and opens every calculator in dependency order. On failure the
/// opened ones are closed (their results ignored) and the combined error
/// is returned.
fn open_nodes(state: &mut RunState, graph_side_packets: &HashMap<String, Packet>) -> Result<()> {
    let plan = Arc::clone(&state.plan);
    for &n in &plan.order {
        if let Err(e) = open_node(state, n, graph_side_packets) {
            let name = &plan.nodes[n].debug_name;
            state.fail(e.with_prefix(&format!("Calculator::Open() for node \"{name}\" failed: ")));
        }
        if !state.errors.is_empty() {
            break;
        }
    }
    if state.errors.is_empty() {
        return Ok(());
    }
    for n in 0..plan.nodes.len() {
        if let Some(mut calc) = state.nodes[n].calculator.take() {
            let mut cc = scheduler::context(state, n, Timestamp::DONE, Vec::new());
            let _ = scheduler::call(calc.as_mut(), &mut cc, Phase3::Close);
        }
    }
    Err(combined("CalculatorGraph::Run() failed: ", &state.errors).unwrap_or_else(|| Status::internal("run failed")))
}

/// Resolves node `n`'s side packets, creates its calculator and opens it.
/// Errors before `open` are returned; `open`'s own result is applied.
fn open_node(state: &mut RunState, n: usize, graph_side_packets: &HashMap<String, Packet>) -> Result<()> {
    let plan = Arc::clone(&state.plan);
    let node = &plan.nodes[n];
    let mut sides = Vec::with_capacity(node.side_inputs.len());
    for e in node.side_inputs.entries() {
        let packet = graph_side_packets.get(&e.name).or_else(|| state.side_packets.get(&e.name));
        sides.push(packet.cloned().ok_or_else(|| Status::invalid_argument(format!("Input side packet \"{}\" is not available.", e.name)))?);
    }
    let mut calc = (node.registration.factory)(&node.config)?;
    state.nodes[n].side_inputs = sides;
    let mut cc = scheduler::context(state, n, Timestamp::UNSTARTED, Vec::new());
    let result = scheduler::call(calc.as_mut(), &mut cc, Phase3::Open);
    state.nodes[n].calculator = Some(calc);
    scheduler::apply(state, n, cc, result, Phase3::Open, false);
    if node.inputs.is_empty() && node.outputs.is_empty() {
        state.nodes[n].stopped = true;
    }
    Ok(())
}

impl Drop for CalculatorGraph {
    /// Stops the workers of a run still in progress (nodes are not closed).
    fn drop(&mut self) {
        let mut control = self.lock_control();
        if let Some(run) = &control.run {
            run.shared.lock().shutdown = true;
            run.shared.notify_everyone();
        }
        finish_run(&mut control);
    }
}
