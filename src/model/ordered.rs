//! An ordered collection whose items carry a sort key (`ord`).
//!
//! The document keeps every list (units, nodes, links, steps …) in the order
//! the planner arranged it. The `.pokin` store writes one row per item with
//! its `ord`; a fractional key lets an insert or a move touch a single row
//! instead of renumbering the list.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::Deref;

#[derive(Debug, Clone)]
pub struct Ordered<T> {
    items: Vec<T>,
    ords: Vec<f64>,
}

impl<T> Default for Ordered<T> {
    fn default() -> Self {
        Self { items: Vec::new(), ords: Vec::new() }
    }
}

impl<T: PartialEq> PartialEq for Ordered<T> {
    /// Two collections are equal when they hold the same items in the same
    /// order; the sort keys are bookkeeping and do not count.
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T> Deref for Ordered<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T> From<Vec<T>> for Ordered<T> {
    fn from(items: Vec<T>) -> Self {
        let ords = (1..=items.len()).map(|i| i as f64).collect();
        Self { items, ords }
    }
}

impl<T> FromIterator<T> for Ordered<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl<T> Ordered<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Items with their sort keys, as the store reads them (keys ascending).
    pub fn from_parts(items: Vec<T>, ords: Vec<f64>) -> Self {
        debug_assert_eq!(items.len(), ords.len());
        debug_assert!(ords.windows(2).all(|w| w[0] <= w[1]));
        Self { items, ords }
    }

    pub fn ord(&self, index: usize) -> f64 {
        self.ords[index]
    }

    pub fn ords(&self) -> &[f64] {
        &self.ords
    }

    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.items.get_mut(index)
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Appends after the last item.
    pub fn push(&mut self, item: T) {
        let ord = self.ords.last().map_or(1.0, |o| o + 1.0);
        self.items.push(item);
        self.ords.push(ord);
    }

    /// Inserts at the place its sort key gives (after items with an equal key).
    pub fn insert_by_ord(&mut self, ord: f64, item: T) -> usize {
        let index = self.ords.partition_point(|o| *o <= ord);
        self.items.insert(index, item);
        self.ords.insert(index, ord);
        index
    }

    pub fn remove(&mut self, index: usize) -> (f64, T) {
        (self.ords.remove(index), self.items.remove(index))
    }

    pub fn into_vec(self) -> Vec<T> {
        self.items
    }

    /// A sort key that places a new item just before `index` (or at the end
    /// when `index` is the length). `None` when the two neighbours' keys are
    /// too close to split, and the list must be renumbered first.
    pub fn ord_before(&self, index: usize) -> Option<f64> {
        ord_between(&self.ords, index)
    }
}

/// A sort key that places a new item just before `index` of a list with
/// these keys (or at the end when `index` is the length). `None` when the two
/// neighbours' keys are too close to split, and the list must be renumbered.
pub fn ord_between(ords: &[f64], index: usize) -> Option<f64> {
    let after = ords.get(index).copied();
    let before = if index == 0 { None } else { ords.get(index - 1).copied() };
    let ord = match (before, after) {
        (None, None) => 1.0,
        (Some(b), None) => b + 1.0,
        (None, Some(a)) => a - 1.0,
        (Some(b), Some(a)) => b + (a - b) / 2.0,
    };
    let fits = before.map_or(true, |b| ord > b) && after.map_or(true, |a| ord < a);
    fits.then_some(ord)
}

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.items.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Into::into)
    }
}

/// In TypeScript, as in JSON, a plain array: the sort keys stay in Rust.
impl<T: ts_rs::TS> ts_rs::TS for Ordered<T> {
    type WithoutGenerics = Vec<ts_rs::Dummy>;
    type OptionInnerType = Self;

    fn ident(cfg: &ts_rs::Config) -> String {
        <Vec<T> as ts_rs::TS>::ident(cfg)
    }

    fn name(cfg: &ts_rs::Config) -> String {
        <Vec<T> as ts_rs::TS>::name(cfg)
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        <Vec<T> as ts_rs::TS>::inline(cfg)
    }

    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor)
    where
        Self: 'static,
    {
        <Vec<T> as ts_rs::TS>::visit_dependencies(v);
    }

    fn visit_generics(v: &mut impl ts_rs::TypeVisitor)
    where
        Self: 'static,
    {
        <Vec<T> as ts_rs::TS>::visit_generics(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_between_and_at_ends() {
        let mut list: Ordered<&str> = vec!["a", "c"].into();
        let ord = list.ord_before(1).unwrap();
        list.insert_by_ord(ord, "b");
        let ord = list.ord_before(0).unwrap();
        list.insert_by_ord(ord, "start");
        let ord = list.ord_before(list.len()).unwrap();
        list.insert_by_ord(ord, "end");
        assert_eq!(&*list, &["start", "a", "b", "c", "end"]);
    }

    #[test]
    fn too_close_keys_ask_for_renumbering() {
        let mut list: Ordered<u8> = Ordered::new();
        list.insert_by_ord(1.0, 1);
        list.insert_by_ord(1.0 + f64::EPSILON, 2);
        assert_eq!(list.ord_before(1), None);
    }
}
