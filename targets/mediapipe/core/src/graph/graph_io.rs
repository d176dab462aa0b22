//! The run-time half of [`CalculatorGraph`]'s API: feeding graph input
//! streams (with back-pressure), closing streams, waiting, errors, output
//! side packets and `close`.
//!
//! Owns the reference's messages and status codes for these calls.
//! Scheduling details are in `run_state` / `scheduler`.

use std::sync::Arc;

use bindery_annotations as bindery;

use super::add_mode::GraphInputStreamAddMode;
use super::calculator_graph::{ActiveRun, CalculatorGraph, finish_run};
use super::errors::combined;
use super::run_state::{NodeKind, Phase, RunState};
use super::scheduler::{self, Shared};
use super::validate::Producer;
use crate::packet::Packet;
use crate::status::{Result, Status};
use crate::timestamp::Timestamp;

const RUN_FAILED: &str = "CalculatorGraph::Run() failed: ";

fn not_started() -> Status {
    Status::internal("; RET_CHECK failure (mediapipe/framework/scheduler.cc) (state_)!=(STATE_NOT_STARTED)")
}

/// The reference's message for a timestamp a stream cannot carry.
fn disallowed_timestamp(ts: Timestamp) -> Status {
    let name = match ts {
        Timestamp::UNSET => "Unset",
        Timestamp::UNSTARTED => "Unstarted",
        Timestamp::ONE_OVER_POSTSTREAM => "OneOverPostStream",
        _ => "Done",
    };
    Status::invalid_argument(format!("Timestamp::{name}() can't be the timestamp of a Packet in a stream."))
}

/// The error of a blocking call made from an output stream observer of the
/// same graph: the call would wait for the worker that runs the observer.
fn reentrant(call: &str) -> Status {
    Status::failed_precondition(format!(
        "; CalculatorGraph::{call}() was called from an output stream observer of the same graph, \
         where it would wait for the observer itself; call it from another thread."
    ))
}

fn run_error(state: &RunState, prefix: &str) -> Result<()> {
    match combined(prefix, &state.errors) {
        Some(status) => Err(status),
        None => Ok(()),
    }
}

#[bindery::methods]
impl CalculatorGraph {
    fn shared(&self, before_start: Status) -> Result<Arc<Shared>> {
        self.shared_and_caller(before_start).map(|(shared, _)| shared)
    }

    /// The current run, its workers started, and whether the caller is one
    /// of them, under one lock of the graph's control state (the per-packet
    /// path).
    fn shared_and_caller(&self, before_start: Status) -> Result<(Arc<Shared>, bool)> {
        let mut control = self.lock_control();
        let run = control.run.as_mut().ok_or(before_start)?;
        run.start_workers();
        Ok((Arc::clone(&run.shared), run.is_worker_thread()))
    }

    /// True when the current run has not started its workers yet.
    fn without_workers(&self) -> bool {
        self.lock_control().run.as_ref().is_some_and(|r| r.workers.is_empty())
    }

    /// True when the caller runs on a worker of the current run (inside an
    /// observer callback), where waiting for the run never ends.
    fn on_worker_thread(&self) -> bool {
        self.lock_control().run.as_ref().is_some_and(ActiveRun::is_worker_thread)
    }

    /// Refuses `call` on a worker of the current run (see [`reentrant`]).
    fn refuse_on_worker(&self, call: &str) -> Result<()> {
        if self.on_worker_thread() { Err(reentrant(call)) } else { Ok(()) }
    }

    fn graph_input(&self, stream: &str) -> Result<usize> {
        match self.plan.stream_ids.get(stream) {
            Some(&id) if self.plan.streams[id].producer == Producer::GraphInput => Ok(id),
            _ => {
                Err(Status::not_found(format!("; CalculatorGraph::AddPacketToInputStream() is called on an unknown stream \"{stream}\".")))
            }
        }
    }

    /// Adds `packet` to graph input `stream`, at `timestamp` unless that is
    /// UNSET (then the packet's own). Errors: before start_run INTERNAL
    /// `; CalculatorGraph::AddPacketToInputStream() is called before
    /// StartRun()`; a timestamp not allowed in a stream INVALID_ARGUMENT;
    /// unknown stream NOT_FOUND (the reference segfaults); closed stream
    /// FAILED_PRECONDITION; after a run error the run's code with `Graph
    /// has errors: ...`; full queues in ADD_IF_NOT_FULL mode UNAVAILABLE
    /// `Graph is throttled.` (WAIT_TILL_NOT_FULL blocks). A timestamp that
    /// is not increasing is accepted here and fails the run, as in MediaPipe.
    /// From an observer of this graph a full queue is UNAVAILABLE in either
    /// mode: waiting there could wait for the observer itself.
    #[bindery::method(name = "add_packet_to_input_stream")]
    pub fn add_packet_to_input_stream(&self, stream: &str, packet: &Packet, timestamp: Timestamp) -> Result<()> {
        let ts = if timestamp == Timestamp::UNSET { packet.timestamp() } else { timestamp };
        let before_start = Status::internal("; CalculatorGraph::AddPacketToInputStream() is called before StartRun()");
        let (shared, in_observer) = self.shared_and_caller(before_start)?;
        if !ts.is_allowed_in_stream() {
            return Err(disallowed_timestamp(ts));
        }
        let id = self.graph_input(stream)?;
        let mode = self.graph_input_stream_add_mode();
        let mut state = shared.lock();
        loop {
            run_error(&state, "Graph has errors: ")?;
            if state.streams[id].bound == Timestamp::DONE {
                return Err(Status::failed_precondition(format!("; Graph input stream \"{stream}\" is closed.")));
            }
            if !state.is_full(id) || state.is_idle() || state.phase == Phase::Done {
                break;
            }
            if mode == GraphInputStreamAddMode::AddIfNotFull {
                return Err(Status::unavailable("Graph is throttled."));
            }
            if in_observer {
                return Err(Status::unavailable(
                    "Graph is throttled; an output stream observer of this graph cannot wait for its input queues.",
                ));
            }
            state = shared.wait(state);
        }
        state.emit(id, packet.at(ts));
        shared.input_changed(&state);
        Ok(())
    }

    /// Closes graph input `stream` (no more packets). Unknown stream:
    /// NOT_FOUND (the reference segfaults). Closing twice is allowed.
    #[bindery::method(name = "close_input_stream")]
    pub fn close_input_stream(&self, stream: &str) -> Result<()> {
        let shared = self.shared(Status::internal("; CalculatorGraph::CloseInputStream() is called before StartRun()"))?;
        let id = self.graph_input(stream)?;
        let mut state = shared.lock();
        state.advance_bound(id, Timestamp::DONE);
        shared.input_changed(&state);
        Ok(())
    }

    /// Closes every graph input stream and stops every source node.
    #[bindery::method(name = "close_all_packet_sources")]
    pub fn close_all_packet_sources(&self) -> Result<()> {
        let shared = self.shared(Status::internal("; CalculatorGraph::CloseAllPacketSources() is called before StartRun()"))?;
        let mut state = shared.lock();
        close_sources(&mut state);
        shared.notify_everyone();
        Ok(())
    }

    /// Blocks until no calculator runs and none can run, then returns the
    /// run's error if any. Before start_run: INTERNAL RET_CHECK message.
    /// With unclosed source nodes: UNIMPLEMENTED. From an observer of this
    /// graph: FAILED_PRECONDITION (the reference deadlocks).
    #[bindery::method(name = "wait_until_idle")]
    pub fn wait_until_idle(&self) -> Result<()> {
        let Some(shared) = self.current_run()? else { return Ok(()) };
        self.refuse_on_worker("WaitUntilIdle")?;
        let mut state = shared.lock();
        if state.has_open_source() {
            return Err(Status::unimplemented(
                "; WaitUntilIdle called on a graph with source nodes, which is not fully supported at the moment.",
            ));
        }
        while !(state.is_idle() || state.phase == Phase::Done || state.shutdown) {
            state = shared.wait(state);
        }
        run_error(&state, RUN_FAILED)
    }

    /// Blocks until every node has closed (input streams must be closed
    /// for that), then returns the run's error if any. From an observer of
    /// this graph: FAILED_PRECONDITION (the reference deadlocks).
    #[bindery::method(name = "wait_until_done")]
    pub fn wait_until_done(&self) -> Result<()> {
        let Some(shared) = self.current_run()? else { return Ok(()) };
        self.refuse_on_worker("WaitUntilDone")?;
        let mut state = shared.lock();
        while state.phase != Phase::Done && !state.shutdown {
            state = shared.wait(state);
        }
        run_error(&state, RUN_FAILED)
    }

    /// Blocks until an observed stream has received a packet since the last
    /// call; FAILED_PRECONDITION if the run ends first without one, or when
    /// called from an observer of this graph.
    #[bindery::method(name = "wait_for_observed_output")]
    pub fn wait_for_observed_output(&self) -> Result<()> {
        let Some(shared) = self.current_run()? else { return Err(not_started()) };
        self.refuse_on_worker("WaitForObservedOutput")?;
        let mut state = shared.lock();
        while !state.observed && state.phase != Phase::Done && state.errors.is_empty() {
            state = shared.wait(state);
        }
        run_error(&state, RUN_FAILED)?;
        if !std::mem::take(&mut state.observed) {
            return Err(Status::failed_precondition("; The graph finished without observed output."));
        }
        Ok(())
    }

    /// `Some(run)` (its workers started), `None` after close, error when
    /// never started.
    fn current_run(&self) -> Result<Option<Arc<Shared>>> {
        let mut control = self.lock_control();
        let started_once = control.started_once;
        match &mut control.run {
            Some(run) => {
                run.start_workers();
                Ok(Some(Arc::clone(&run.shared)))
            }
            None if started_once => Ok(None),
            None => Err(not_started()),
        }
    }

    /// True once the current run has an error (non-blocking).
    #[bindery::method(name = "has_error")]
    pub fn has_error(&self) -> bool {
        let control = self.lock_control();
        control.run.as_ref().is_some_and(|r| !r.shared.lock().errors.is_empty())
    }

    /// `""` without an error, else `CODE: CalculatorGraph::Run() failed: ...`.
    #[bindery::method(name = "get_combined_error_message")]
    pub fn get_combined_error_message(&self) -> String {
        let control = self.lock_control();
        let Some(run) = &control.run else { return String::new() };
        let state = run.shared.lock();
        combined(RUN_FAILED, &state.errors).map(|s| s.to_string()).unwrap_or_default()
    }

    /// The output side packet `name`. Undefined: NOT_FOUND `; Unable to get
    /// the output side packet "x" because it doesn't exist.`; not produced
    /// (yet): UNAVAILABLE `; The output side packet "x" is unavailable.`.
    #[bindery::method(name = "get_output_side_packet")]
    pub fn get_output_side_packet(&self, name: &str) -> Result<Packet> {
        let declared = self.plan.config.output_side_packets.iter().any(|s| s.rsplit(':').next() == Some(name));
        if !self.plan.side_producers.contains_key(name) && !declared {
            return Err(Status::not_found(format!("; Unable to get the output side packet \"{name}\" because it doesn't exist.")));
        }
        let control = self.lock_control();
        let found = match &control.run {
            Some(run) => run.shared.lock().side_packets.get(name).cloned(),
            None => control.last_side_packets.get(name).cloned(),
        };
        found.ok_or_else(|| Status::unavailable(format!("; The output side packet \"{name}\" is unavailable.")))
    }

    /// `close_all_packet_sources()` + `wait_until_done()`, then forgets the
    /// run (its error is returned once; a new `start_run` may follow).
    /// Never started: INTERNAL `bad_function_call`. Closing twice is fine.
    /// From an observer of this graph: FAILED_PRECONDITION, nothing closed
    /// (the reference deadlocks).
    #[bindery::method(name = "close")]
    pub fn close(&self) -> Result<()> {
        let shared = {
            let control = self.lock_control();
            match &control.run {
                Some(run) => Arc::clone(&run.shared),
                None if control.started_once => return Ok(()),
                None => return Err(Status::internal("bad_function_call")),
            }
        };
        self.refuse_on_worker("Close")?;
        close_sources(&mut shared.lock());
        // A run that never needed workers closes its nodes here; at the
        // first observer call it starts them (callbacks run on workers).
        if !(self.without_workers() && scheduler::run_without_workers(&shared)) {
            shared.notify_everyone();
        }
        let result = self.wait_until_done();
        finish_run(&mut self.lock_control());
        result
    }
}

fn close_sources(state: &mut RunState) {
    let plan = Arc::clone(&state.plan);
    for (id, stream) in plan.streams.iter().enumerate() {
        if stream.producer == Producer::GraphInput {
            state.advance_bound(id, Timestamp::DONE);
        }
    }
    for node in &mut state.nodes {
        if matches!(node.kind, NodeKind::Calculator(_)) && node.queues.is_empty() {
            node.stopped = true;
        }
    }
    state.dirty = true;
}
