//! Correct/total tallies per syllabus area and per Bloom level: the shape shared by one
//! attempt's result and by statistics over many attempts.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TallyRow {
    pub area: String,
    pub title: String,
    pub bloom: u8,
    pub correct: usize,
    pub total: usize,
}

impl TallyRow {
    /// Share correct, 0.0 when nothing was asked.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.correct as f64 / self.total as f64 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BloomRow {
    pub bloom: u8,
    pub correct: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// In the order areas were first added (bank order when seeded from a bank).
    pub areas: Vec<TallyRow>,
    /// Ascending Bloom level.
    pub blooms: Vec<BloomRow>,
}

impl Tally {
    /// Adds an area row with nothing counted yet, so that it is listed in this position.
    pub fn seed_area(&mut self, area: &str, title: &str, bloom: u8) {
        if !self.areas.iter().any(|r| r.area == area) {
            self.areas.push(TallyRow { area: area.into(), title: title.into(), bloom, correct: 0, total: 0 });
        }
    }

    /// Counts `total` answers, `correct` of them right, for an area (at the area's Bloom level
    /// `area_bloom`) and for the questions' own level `bloom`.
    pub fn add(&mut self, area: &str, title: &str, area_bloom: u8, bloom: u8, correct: usize, total: usize) {
        self.seed_area(area, title, area_bloom);
        let row = self.areas.iter_mut().find(|r| r.area == area).expect("seeded above");
        row.correct += correct;
        row.total += total;
        let at = self.blooms.partition_point(|b| b.bloom < bloom);
        if self.blooms.get(at).is_none_or(|b| b.bloom != bloom) {
            self.blooms.insert(at, BloomRow { bloom, correct: 0, total: 0 });
        }
        self.blooms[at].correct += correct;
        self.blooms[at].total += total;
    }

    /// Areas with answers, weakest (lowest share correct) first; ties keep their order.
    pub fn weakest_first(&self) -> Vec<&TallyRow> {
        let mut rows: Vec<&TallyRow> = self.areas.iter().filter(|r| r.total > 0).collect();
        rows.sort_by(|a, b| a.ratio().total_cmp(&b.ratio()));
        rows
    }

    pub fn correct(&self) -> usize {
        self.areas.iter().map(|r| r.correct).sum()
    }

    pub fn total(&self) -> usize {
        self.areas.iter().map(|r| r.total).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_group_by_area_and_by_bloom_level() {
        let mut t = Tally::default();
        t.add("2", "Two", 3, 3, 1, 1);
        t.add("1", "One", 1, 1, 0, 1);
        t.add("2", "Two", 3, 2, 0, 1);
        t.add("1", "One", 1, 1, 2, 3);
        assert_eq!(
            t.areas.iter().map(|r| (r.area.as_str(), r.correct, r.total)).collect::<Vec<_>>(),
            [("2", 1, 2), ("1", 2, 4)]
        );
        assert_eq!(
            t.blooms,
            vec![
                BloomRow { bloom: 1, correct: 2, total: 4 },
                BloomRow { bloom: 2, correct: 0, total: 1 },
                BloomRow { bloom: 3, correct: 1, total: 1 },
            ]
        );
        assert_eq!((t.correct(), t.total()), (3, 6));
        assert_eq!(t.weakest_first()[0].area, "2");
    }
}
