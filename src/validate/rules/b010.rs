//! B010 — a lane of a flow holds no step.

use crate::model::Target;
use crate::validate::{Context, Sink};

pub fn check(cx: &Context, out: &mut Sink) {
    for flow in cx.doc.processes.flows.iter() {
        for lane in flow.lanes.iter().filter(|l| !flow.steps.iter().any(|s| &s.lane == *l)) {
            let name = cx.unit_index.get(lane.as_str()).map_or(lane.as_str(), |&u| cx.doc.units[u].name.as_str());
            out.push(
                Target::Flow(flow.id.clone()),
                format!("Lajur \"{name}\" di peta \"{}\" tidak berisi langkah apa pun.", flow.name),
                "Hapus lajur itu, atau pindahkan langkah yang dikerjakan unit itu ke lajurnya.",
            );
        }
    }
}

fixture_test!("B010");
