//! The tree as its primary links make it: each node's parent, children
//! and the depth-first order it is read in (worksheets, the review report).
//! The layout keeps its own walk: it also cuts cycles to draw them.

use super::Document;

pub struct Hierarchy {
    /// Each node's primary parent (`Document::primary_parents`).
    pub parent: Vec<Option<usize>>,
    /// Each node's children, in document order.
    pub children: Vec<Vec<usize>>,
    /// Depth first from the roots (in document order), siblings in document
    /// order; nodes on a cycle (no root above them) follow at the end.
    pub order: Vec<usize>,
}

impl Document {
    pub fn hierarchy(&self) -> Hierarchy {
        let parent = self.primary_parents();
        let n = parent.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (child, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(child);
            }
        }
        let mut order = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        for start in (0..n).filter(|&i| parent[i].is_none()).chain(0..n) {
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                if std::mem::replace(&mut seen[i], true) {
                    continue;
                }
                order.push(i);
                stack.extend(children[i].iter().rev().filter(|&&c| !seen[c]));
            }
        }
        Hierarchy { parent, children, order }
    }
}

impl Hierarchy {
    /// The ancestors of `i`, from the top down; a cycle stops the walk
    /// (each node once).
    pub fn path(&self, i: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = self.parent[i];
        while let Some(p) = at {
            if p == i || path.contains(&p) {
                break;
            }
            path.push(p);
            at = self.parent[p];
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_is_depth_first_and_paths_go_from_the_top() {
        let doc = crate::samples::find("lumajang-bkd").unwrap().document();
        let h = doc.hierarchy();
        let id = |i: usize| doc.tree.nodes[i].id.as_str();
        assert_eq!(h.order.len(), doc.tree.nodes.len());
        assert_eq!(h.order[..4].iter().map(|&i| id(i)).collect::<Vec<_>>(), ["n0", "n1", "n2", "n3"]);
        let n3 = doc.node_index("n3").unwrap();
        assert_eq!(h.path(n3).into_iter().map(id).collect::<Vec<_>>(), ["n0", "n1", "n2"]);
        assert!(h.children[doc.node_index("n2").unwrap()].contains(&n3));
    }
}
