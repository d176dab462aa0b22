//! The built-in calculators and side packets in and out of a graph.

mod graph_support;

use std::collections::HashMap;

use graph_support::{Seen, observe, text, timestamps, within};
use mediapipe_core::graph::CalculatorGraph;
use mediapipe_core::{ErrorKind, Packet, StatusCode, Timestamp};

fn ts(v: i64) -> Timestamp {
    Timestamp::new(v).unwrap()
}

const STRING_TO_UINT64: &str = r#"
  node {
    calculator: 'StringToUint64Calculator'
    input_side_packet: "string"
    output_side_packet: "number"
  }
"#;

fn side(name: &str, packet: Packet) -> HashMap<String, Packet> {
    HashMap::from([(name.to_string(), packet)])
}

#[test]
fn string_to_uint64_produces_an_output_side_packet() {
    within(20, || {
        let g = CalculatorGraph::from_text(STRING_TO_UINT64).unwrap();
        let before = g.get_output_side_packet("number").unwrap_err();
        assert_eq!(before.message(), "; The output side packet \"number\" is unavailable.");
        assert_eq!(before.kind(), ErrorKind::Failed);
        let unknown = g.get_output_side_packet("x").unwrap_err();
        assert_eq!(unknown.message(), "; Unable to get the output side packet \"x\" because it doesn't exist.");
        g.start_run(side("string", text(" 42"))).unwrap();
        g.wait_until_done().unwrap();
        assert!(!g.has_error());
        assert_eq!(*g.get_output_side_packet("number").unwrap().get::<u64>().unwrap(), 42);
        g.close().unwrap();
        assert_eq!(*g.get_output_side_packet("number").unwrap().get::<u64>().unwrap(), 42);
    });
}

#[test]
fn string_to_uint64_rejects_bad_side_packets() {
    within(20, || {
        let g = CalculatorGraph::from_text(STRING_TO_UINT64).unwrap();
        let missing = g.start_run(HashMap::new()).unwrap_err();
        assert_eq!(
            missing.message(),
            "ValidateRequiredSidePackets failed to validate: \n; Side packet \"string\" is required but was not provided."
        );
        assert_eq!(missing.kind(), ErrorKind::InvalidArgument);
        let wrong = g.start_run(side("string", Packet::new(42i32))).unwrap_err();
        assert!(wrong.message().contains("The Packet stores \"int\", but \"string\" was requested."), "{}", wrong.message());
        let bad = g.start_run(side("string", text("-1"))).unwrap_err();
        assert_eq!(bad.code(), StatusCode::InvalidArgument);
        assert_eq!(
            bad.message(),
            "CalculatorGraph::Run() failed: \nCalculator::Open() for node \"StringToUint64Calculator\" failed: \
             The string could not be parsed as an integer."
        );
        g.start_run(side("string", text("7"))).unwrap();
        g.close().unwrap();
        assert_eq!(*g.get_output_side_packet("number").unwrap().get::<u64>().unwrap(), 7);
    });
}

#[test]
fn side_packets_flow_from_node_to_node() {
    within(20, || {
        let g = CalculatorGraph::from_text(
            "node { calculator: 'PassThroughCalculator' input_side_packet: 'n' output_side_packet: 'copy' }
             node { calculator: 'StringToInt32Calculator' input_side_packet: 's' output_side_packet: 'n' }",
        )
        .unwrap();
        g.start_run(side("s", text("-12"))).unwrap();
        g.close().unwrap();
        assert_eq!(*g.get_output_side_packet("copy").unwrap().get::<i32>().unwrap(), -12);
    });
}

const GATE: &str = "input_stream: 'in' input_stream: 'allow'
  node { calculator: 'GateCalculator' input_stream: 'in' input_stream: 'ALLOW:allow'
         output_stream: 'out' output_stream: 'STATE_CHANGE:change' }";

fn run_gate(bounds: bool) -> (Seen, Seen) {
    let g = CalculatorGraph::from_text(GATE).unwrap();
    let out = observe(&g, "out", bounds);
    let change = observe(&g, "change", false);
    g.start_run(HashMap::new()).unwrap();
    for (t, allow) in [(10, true), (20, false), (30, true)] {
        g.add_packet_to_input_stream("in", &text("data"), ts(t)).unwrap();
        g.add_packet_to_input_stream("allow", &Packet::new(allow), ts(t)).unwrap();
        // One timestamp at a time: a bound advanced at 20 and the packet at 30
        // reaching the observer together may be seen as one update (as in
        // MediaPipe, where bound changes are not queued), so wait for each.
        g.wait_until_idle().unwrap();
    }
    g.close().unwrap();
    (out, change)
}

#[test]
fn gate_with_allow_stream_and_timestamp_bounds() {
    within(20, || {
        let (out, change) = run_gate(true);
        let seen: Vec<(i64, bool)> = out.lock().unwrap().iter().map(|(_, p)| (p.timestamp().value(), p.is_empty())).collect();
        assert_eq!(seen, vec![(10, false), (20, true), (30, false)]);
        let changes: Vec<(i64, bool)> =
            change.lock().unwrap().iter().map(|(_, p)| (p.timestamp().value(), *p.get::<bool>().unwrap())).collect();
        assert_eq!(changes, vec![(20, false), (30, true)]);
        let (plain, _) = run_gate(false);
        assert_eq!(timestamps(&plain), vec![10, 30]);
    });
}

#[test]
fn gate_from_side_packet_and_options() {
    within(20, || {
        let g = CalculatorGraph::from_text(
            "input_stream: 'in' node { calculator: 'GateCalculator' input_stream: 'in' input_side_packet: 'DISALLOW:d' output_stream: 'out' }",
        )
        .unwrap();
        let out = observe(&g, "out", false);
        g.start_run(side("d", Packet::new(true))).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(1)).unwrap();
        g.close().unwrap();
        g.start_run(side("d", Packet::new(false))).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(2)).unwrap();
        g.close().unwrap();
        assert_eq!(timestamps(&out), vec![2]);

        let opts = CalculatorGraph::from_text(
            "input_stream: 'in' node { calculator: 'GateCalculator' input_stream: 'in' output_stream: 'out'
               options { [mediapipe.GateCalculatorOptions.ext] { allow: true } } }",
        )
        .unwrap();
        let out = observe(&opts, "out", false);
        opts.start_run(HashMap::new()).unwrap();
        opts.add_packet_to_input_stream("in", &text("x"), ts(3)).unwrap();
        opts.close().unwrap();
        assert_eq!(timestamps(&out), vec![3]);
    });
}

#[test]
fn packet_cloner_repeats_the_latest_data_on_each_tick() {
    within(20, || {
        let g = CalculatorGraph::from_text(
            "input_stream: 'data' input_stream: 'tick'
             node { calculator: 'PacketClonerCalculator' input_stream: 'data' input_stream: 'TICK:tick' output_stream: 'out' }",
        )
        .unwrap();
        let out = observe(&g, "out", false);
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("tick", &Packet::new(0i32), ts(0)).unwrap();
        g.add_packet_to_input_stream("data", &text("a"), ts(1)).unwrap();
        g.add_packet_to_input_stream("tick", &Packet::new(0i32), ts(2)).unwrap();
        g.add_packet_to_input_stream("tick", &Packet::new(0i32), ts(3)).unwrap();
        g.add_packet_to_input_stream("data", &text("b"), ts(4)).unwrap();
        g.add_packet_to_input_stream("tick", &Packet::new(0i32), ts(5)).unwrap();
        g.close().unwrap();
        let seen: Vec<(i64, Vec<u8>)> =
            out.lock().unwrap().iter().map(|(_, p)| (p.timestamp().value(), p.get::<Vec<u8>>().unwrap().clone())).collect();
        assert_eq!(seen, vec![(2, b"a".to_vec()), (3, b"a".to_vec()), (5, b"b".to_vec())]);
    });
}

const FLOW_LIMITED: &str = "input_stream: 'in'
  node { calculator: 'FlowLimiterCalculator' input_stream: 'in' input_stream: 'FINISHED:out'
         input_stream_info { tag_index: 'FINISHED' back_edge: true }
         output_stream: 'gated' output_stream: 'ALLOW:allowed' }
  node { calculator: 'PassThroughCalculator' input_stream: 'gated' output_stream: 'out' }";

#[test]
fn flow_limiter_releases_frames_when_the_previous_one_finished() {
    within(20, || {
        let g = CalculatorGraph::from_text(FLOW_LIMITED).unwrap();
        let out = observe(&g, "out", false);
        let allowed = observe(&g, "allowed", false);
        g.start_run(HashMap::new()).unwrap();
        for t in 0..5 {
            g.add_packet_to_input_stream("in", &text("frame"), ts(t)).unwrap();
            g.wait_until_idle().unwrap();
        }
        g.close().unwrap();
        assert_eq!(timestamps(&out), vec![0, 1, 2, 3, 4]);
        assert!(allowed.lock().unwrap().iter().all(|(_, p)| *p.get::<bool>().unwrap()));
    });
}

#[test]
fn flow_limiter_drops_frames_while_one_is_in_flight() {
    within(20, || {
        // Nothing finishes: FINISHED comes from a stream that stays silent.
        let g = CalculatorGraph::from_text(
            "input_stream: 'in' input_stream: 'never'
             node { calculator: 'FlowLimiterCalculator' input_stream: 'in' input_stream: 'FINISHED:never'
                    output_stream: 'gated' output_stream: 'ALLOW:allowed' }",
        )
        .unwrap();
        let gated = observe(&g, "gated", false);
        let allowed = observe(&g, "allowed", false);
        g.start_run(HashMap::new()).unwrap();
        for t in 0..4 {
            g.add_packet_to_input_stream("in", &text("frame"), ts(t)).unwrap();
        }
        g.close().unwrap();
        assert_eq!(timestamps(&gated), vec![0]);
        let decisions: Vec<(i64, bool)> =
            allowed.lock().unwrap().iter().map(|(_, p)| (p.timestamp().value(), *p.get::<bool>().unwrap())).collect();
        assert_eq!(decisions, vec![(0, true), (1, false), (2, false), (3, false)]);
    });
}

#[test]
fn a_failing_calculator_reports_node_and_code() {
    within(20, || {
        // A Gate whose ALLOW stream carries an int fails in Process.
        let g = CalculatorGraph::from_text(
            "input_stream: 'in' input_stream: 'allow'
             node { name: 'gate' calculator: 'GateCalculator' input_stream: 'in' input_stream: 'ALLOW:allow' output_stream: 'out' }",
        )
        .unwrap();
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(1)).unwrap();
        g.add_packet_to_input_stream("allow", &Packet::new(1i32), ts(1)).unwrap();
        let e = g.close().unwrap_err();
        assert_eq!(e.code(), StatusCode::InvalidArgument);
        assert_eq!(
            e.message(),
            "CalculatorGraph::Run() failed: \nCalculator::Process() for node \"gate\" failed: \
             The Packet stores \"int\", but \"bool\" was requested."
        );
    });
}

#[test]
fn side_packet_to_stream_source_emits_at_close() {
    within(20, || {
        let g = CalculatorGraph::from_text(
            "node { calculator: 'SidePacketToStreamCalculator' input_side_packet: 'a' input_side_packet: 'b'
                    output_stream: 'AT_ZERO:x' output_stream: 'AT_ZERO:1:y' }
             node { calculator: 'PassThroughCalculator' input_stream: 'x' output_stream: 'x2' }",
        )
        .unwrap();
        let x = observe(&g, "x2", false);
        let y = observe(&g, "y", false);
        let sides = HashMap::from([("a".to_string(), text("first")), ("b".to_string(), Packet::new(2i32))]);
        g.start_run(sides).unwrap();
        g.wait_until_done().unwrap();
        assert_eq!(timestamps(&x), vec![0]);
        assert_eq!(*y.lock().unwrap()[0].1.get::<i32>().unwrap(), 2);
        g.close().unwrap();
    });
}

#[test]
fn side_packet_to_stream_on_ticks() {
    within(20, || {
        let g = CalculatorGraph::from_text(
            "input_stream: 'tick'
             node { calculator: 'SidePacketToStreamCalculator' input_stream: 'TICK:tick' input_side_packet: 'a'
                    output_stream: 'AT_TICK:x' }",
        )
        .unwrap();
        let x = observe(&g, "x", false);
        g.start_run(side("a", text("v"))).unwrap();
        for t in [3, 8] {
            g.add_packet_to_input_stream("tick", &Packet::new(0i32), ts(t)).unwrap();
        }
        g.close().unwrap();
        assert_eq!(timestamps(&x), vec![3, 8]);
        let bad = CalculatorGraph::from_text(
            "node { calculator: 'SidePacketToStreamCalculator' input_side_packet: 'a' output_stream: 'AT_TICK:x' }",
        );
        assert_eq!(bad.err().unwrap().code(), StatusCode::InvalidArgument);
    });
}
