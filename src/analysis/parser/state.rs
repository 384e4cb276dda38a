//! The transition-system state shared by the dependency parser and the entity recogniser: a stack, a buffer
//! (with a "rebuffer" of words pushed back by a headless reduce), arcs, sentence starts and entities.
//!
//! Indices are `i32` with -1 for "none", as in spaCy's `StateC`, because the feature extractor reads them
//! as feature token positions where -1 selects the padding vector.

/// An arc of the parse: `head -> child` with a label id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc {
    /// Head word.
    pub head: i32,
    /// Dependent word.
    pub child: i32,
    /// Label id (index into the transition system's label table).
    pub label: u32,
}

/// An entity being built: `end == -1` while it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityC {
    /// First token.
    pub start: i32,
    /// One past the last token, or -1 while open.
    pub end: i32,
    /// Label id.
    pub label: u32,
}

/// The parse state of one document.
#[derive(Debug, Clone)]
pub struct State {
    length: i32,
    heads: Vec<i32>,
    labels: Vec<u32>,
    stack: Vec<i32>,
    rebuffer: Vec<i32>,
    b_i: i32,
    /// All arcs ever added, each linked to the previous arc of the same head and side.
    arcs: Vec<(Arc, u32)>,
    /// Per head: index + 1 of its most recent left arc in `arcs` (0: none).
    last_left: Vec<u32>,
    /// Per head: index + 1 of its most recent right arc in `arcs` (0: none).
    last_right: Vec<u32>,
    unshiftable: Vec<bool>,
    sent_starts: Vec<bool>,
    ents: Vec<EntityC>,
}

impl State {
    /// A fresh state over `length` tokens: empty stack, everything in the buffer. Token 0 is a sentence
    /// start, as spaCy marks it when the document is created.
    pub fn new(length: usize) -> State {
        let mut sent_starts = vec![false; length];
        if let Some(first) = sent_starts.first_mut() {
            *first = true;
        }
        State {
            length: length as i32,
            heads: vec![-1; length],
            labels: vec![0; length],
            stack: Vec::new(),
            rebuffer: Vec::new(),
            b_i: 0,
            arcs: Vec::with_capacity(length),
            last_left: vec![0; length],
            last_right: vec![0; length],
            unshiftable: vec![false; length],
            sent_starts,
            ents: Vec::new(),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.length as usize
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// The i-th word from the top of the stack, or -1.
    pub fn s(&self, i: usize) -> i32 {
        if i >= self.stack.len() {
            -1
        } else {
            self.stack[self.stack.len() - 1 - i]
        }
    }

    /// The i-th word of the buffer (rebuffered words first), or -1.
    pub fn b(&self, i: usize) -> i32 {
        if i < self.rebuffer.len() {
            return self.rebuffer[self.rebuffer.len() - 1 - i];
        }
        let b_i = self.b_i + (i - self.rebuffer.len()) as i32;
        if b_i >= self.length { -1 } else { b_i }
    }

    /// The head of `child`, or -1.
    pub fn head(&self, child: i32) -> i32 {
        if child < 0 || child >= self.length {
            -1
        } else {
            self.heads[child as usize]
        }
    }

    /// The label id of `child`'s arc (0 when it has none).
    pub fn label(&self, child: usize) -> u32 {
        self.labels[child]
    }

    /// Whether `child` has a head.
    pub fn has_head(&self, child: i32) -> bool {
        self.head(child) >= 0
    }

    fn nth_child(&self, last: &[u32], head: i32, idx: usize) -> i32 {
        if idx < 1 || head < 0 {
            return -1;
        }
        // Counted from the most recently added arc, as spaCy does.
        let mut link = last.get(head as usize).copied().unwrap_or(0);
        let mut seen = 0;
        while link != 0 {
            let (arc, prev) = self.arcs[link as usize - 1];
            seen += 1;
            if seen == idx {
                return arc.child;
            }
            link = prev;
        }
        -1
    }

    /// The idx-th left dependent of `head` counting from the most recent arc, or -1.
    pub fn l(&self, head: i32, idx: usize) -> i32 {
        self.nth_child(&self.last_left, head, idx)
    }

    /// The idx-th right dependent of `head` counting from the most recent arc, or -1.
    pub fn r(&self, head: i32, idx: usize) -> i32 {
        self.nth_child(&self.last_right, head, idx)
    }

    /// Stack depth.
    pub fn stack_depth(&self) -> usize {
        self.stack.len()
    }

    /// Words left in the buffer.
    pub fn buffer_length(&self) -> usize {
        (self.length - self.b_i) as usize + self.rebuffer.len()
    }

    /// Whether parsing is over.
    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    /// Whether `word` starts a sentence (token 0, or marked by a break).
    pub fn is_sent_start(&self, word: i32) -> bool {
        word >= 0 && word < self.length && self.sent_starts[word as usize]
    }

    /// Marks `word` as a sentence start.
    pub fn set_sent_start(&mut self, word: i32) {
        if word >= 0 && word < self.length {
            self.sent_starts[word as usize] = true;
        }
    }

    /// Whether `word` was pushed back to the buffer and may not be shifted again yet.
    pub fn is_unshiftable(&self, word: i32) -> bool {
        word >= 0 && word < self.length && self.unshiftable[word as usize]
    }

    /// Allows `word` to be shifted again.
    pub fn set_reshiftable(&mut self, word: i32) {
        if word >= 0 && word < self.length {
            self.unshiftable[word as usize] = false;
        }
    }

    /// Moves the first buffer word onto the stack.
    pub fn push(&mut self) {
        let b0 = if let Some(w) = self.rebuffer.pop() {
            w
        } else {
            self.b_i += 1;
            self.b_i - 1
        };
        self.stack.push(b0);
    }

    /// Pops the stack.
    pub fn pop(&mut self) {
        self.stack.pop();
    }

    /// Moves the stack top back to the front of the buffer and marks it unshiftable.
    pub fn unshift(&mut self) {
        if let Some(s0) = self.stack.pop() {
            self.unshiftable[s0 as usize] = true;
            self.rebuffer.push(s0);
        }
    }

    /// Ends the parse (used only when no move is valid).
    pub fn force_final(&mut self) {
        self.stack.clear();
        self.rebuffer.clear();
        self.b_i = self.length;
    }

    /// Adds `head -> child`, replacing an earlier head of `child`.
    pub fn add_arc(&mut self, head: i32, child: i32, label: u32) {
        if head < 0 || child < 0 || head >= self.length || child >= self.length {
            return;
        }
        if self.has_head(child) {
            self.del_arc(self.heads[child as usize], child);
        }
        let arc = Arc { head, child, label };
        let last = if head > child {
            &mut self.last_left[head as usize]
        } else {
            &mut self.last_right[head as usize]
        };
        self.arcs.push((arc, *last));
        *last = self.arcs.len() as u32;
        self.heads[child as usize] = head;
        self.labels[child as usize] = label;
    }

    fn del_arc(&mut self, head: i32, child: i32) {
        let last = if head > child {
            &mut self.last_left[head as usize]
        } else {
            &mut self.last_right[head as usize]
        };
        // spaCy removes the arc only when it is the most recent one of its head; its attempt to blank an
        // older arc edits a copy and has no effect. Greedy arc-eager parsing only ever replaces the most
        // recent arc, so both behaviours agree; we keep spaCy's for the feature positions.
        if *last != 0 {
            let (arc, prev) = self.arcs[*last as usize - 1];
            if arc.head == head && arc.child == child {
                *last = prev;
            }
        }
    }

    /// Whether an entity is open.
    pub fn entity_is_open(&self) -> bool {
        self.ents.last().is_some_and(|e| e.end == -1)
    }

    /// Start of the most recent entity, or -1.
    pub fn e(&self) -> i32 {
        self.ents.last().map_or(-1, |e| e.start)
    }

    /// The most recent entity.
    pub fn last_ent(&self) -> Option<EntityC> {
        self.ents.last().copied()
    }

    /// Opens an entity at the first buffer word.
    pub fn open_ent(&mut self, label: u32) {
        let start = self.b(0);
        self.ents.push(EntityC {
            start,
            end: -1,
            label,
        });
    }

    /// Closes the open entity after the first buffer word.
    pub fn close_ent(&mut self) {
        let end = self.b(0) + 1;
        if let Some(e) = self.ents.last_mut() {
            e.end = end;
        }
    }

    /// The entities built so far.
    pub fn ents(&self) -> &[EntityC] {
        &self.ents
    }

    /// Fills `ids` with the feature token positions spaCy's models read (`set_context_tokens`): 8 for the
    /// parser, 3 for the entity recogniser; -1 where there is no token.
    pub fn context_tokens(&self, ids: &mut [i32]) {
        match ids.len() {
            1 => ids[0] = self.b(0),
            2 => {
                ids[0] = self.b(0);
                ids[1] = self.s(0);
            }
            3 => {
                ids[0] = self.b(0);
                ids[1] = if self.entity_is_open() { self.e() } else { -1 };
                ids[2] = if ids[0] == -1 || ids[1] == -1 {
                    -1
                } else {
                    ids[0] - 1
                };
            }
            8 => {
                ids[0] = self.b(0);
                ids[1] = self.b(1);
                ids[2] = self.s(0);
                ids[3] = self.s(1);
                ids[4] = self.s(2);
                ids[5] = self.l(self.b(0), 1);
                ids[6] = self.l(self.s(0), 1);
                ids[7] = self.r(self.s(0), 1);
            }
            _ => ids.fill(-1),
        }
        for id in ids.iter_mut() {
            if *id < 0 {
                *id = -1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffer_and_stack_positions() {
        let mut st = State::new(4);
        assert_eq!((st.b(0), st.b(1), st.s(0)), (0, 1, -1));
        st.push();
        st.push();
        assert_eq!((st.s(0), st.s(1), st.b(0)), (1, 0, 2));
        st.unshift();
        assert_eq!((st.s(0), st.b(0), st.b(1)), (0, 1, 2));
        assert!(st.is_unshiftable(1));
        assert_eq!(st.buffer_length(), 3);
        st.push();
        assert_eq!((st.s(0), st.b(0)), (1, 2));
    }

    #[test]
    fn dependents_count_from_the_latest_arc() {
        let mut st = State::new(5);
        st.add_arc(4, 1, 7);
        st.add_arc(4, 3, 8);
        assert_eq!(st.l(4, 1), 3);
        assert_eq!(st.l(4, 2), 1);
        assert_eq!(st.l(4, 3), -1);
        // Re-attaching the latest dependent removes it from its old head.
        st.add_arc(2, 3, 9);
        assert_eq!(st.l(4, 1), 1);
        assert_eq!(st.r(2, 1), 3);
        assert_eq!((st.head(3), st.label(3)), (2, 9));
    }

    #[test]
    fn feature_positions_for_the_parser_and_ner() {
        let mut st = State::new(5);
        st.push();
        st.push();
        st.add_arc(2, 1, 1);
        st.pop();
        let mut ids = [0; 8];
        st.context_tokens(&mut ids);
        assert_eq!(ids, [2, 3, 0, -1, -1, 1, -1, -1]);
        let mut ner = State::new(3);
        let mut ids = [0; 3];
        ner.context_tokens(&mut ids);
        assert_eq!(ids, [0, -1, -1]);
        ner.open_ent(1);
        ner.push();
        ner.pop();
        ner.context_tokens(&mut ids);
        assert_eq!(ids, [1, 0, 0]);
    }
}
