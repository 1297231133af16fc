//! Finding things by hash without `std::collections`: [`Ids`], names in the
//! order they were added and found by name, and [`Seen`], a set of `u64`
//! keys.
//!
//! `HashMap` and `HashSet` are generic over their keys, and each key type the
//! parser and validator used compiled into its own copy of hashbrown and
//! SipHash: some 20 KB of wasm for eight of them. Both types here share one
//! table, [`Slots`], which is not generic: it holds the entries' numbers and
//! asks its owner, through `dyn` closures, how to hash and compare them.
//!
//! The hash is FNV-1a: fast on short ids, with no defence against chosen
//! collisions, which a file people load into their own browser does not need.

/// An open-addressing table (linear probing, at most half full) of entry
/// numbers; the entries live with the table's owner.
#[derive(Debug, Default)]
struct Slots(Vec<u32>);

impl Slots {
    /// The entry with this hash for which `is` holds.
    fn find(&self, hash: u64, is: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mask = self.0.len().wrapping_sub(1);
        let mut at = hash as usize;
        loop {
            // Empty table: the mask keeps every bit and `get` finds nothing.
            let slot = *self.0.get(at & mask)?;
            if slot == 0 {
                return None;
            }
            if is(slot as usize - 1) {
                return Some(slot as usize - 1);
            }
            at = at.wrapping_add(1);
        }
    }

    /// Adds entry `n` with hash `hash`, the entries before it being in
    /// already; `hash_of` hashes any of those, for when the table grows.
    fn add(&mut self, n: usize, hash: u64, hash_of: &dyn Fn(usize) -> u64) {
        if (n + 1) * 2 > self.0.len() {
            self.0 = vec![0; (self.0.len() * 2).max(16)];
            for i in 0..n {
                self.place(i, hash_of(i));
            }
        }
        self.place(n, hash);
    }

    fn place(&mut self, entry: usize, hash: u64) {
        let mask = self.0.len() - 1;
        let mut at = hash as usize;
        while self.0[at & mask] != 0 {
            at = at.wrapping_add(1);
        }
        // Entries are fewer than 2³²: a file over the size limit is refused.
        self.0[at & mask] = entry as u32 + 1;
    }
}

/// Spreads every bit of `x` into the low bits the table uses.
fn mix(x: u64) -> u64 {
    let h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 32)
}

fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
    }
    mix(h)
}

/// Names numbered in the order they were added (ids of one list, strings of
/// the file), found by name.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    names: Vec<Box<str>>,
    slots: Slots,
}

impl Ids {
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The number of a name.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.slots
            .find(hash_str(name), &|i| &*self.names[i] == name)
    }

    /// Adds a name, numbered [`Ids::len`]; `false` (and nothing added) if
    /// it is there already.
    pub fn insert(&mut self, name: &str) -> bool {
        self.add(name).1
    }

    /// The number of a name, added if it is new; and whether it was.
    pub fn add(&mut self, name: &str) -> (usize, bool) {
        let hash = hash_str(name);
        if let Some(i) = self.slots.find(hash, &|i| &*self.names[i] == name) {
            return (i, false);
        }
        self.names.push(name.into());
        let names = &self.names;
        self.slots
            .add(names.len() - 1, hash, &|i| hash_str(&names[i]));
        (names.len() - 1, true)
    }

    /// The name numbered `i` ("" past the end).
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", |s| s)
    }
}

/// A set of `u64` keys (several small numbers packed into one).
#[derive(Debug, Default)]
pub(crate) struct Seen {
    keys: Vec<u64>,
    slots: Slots,
}

impl Seen {
    /// Adds a key; `false` if it was there already.
    pub fn insert(&mut self, key: u64) -> bool {
        let hash = mix(key);
        if self.slots.find(hash, &|i| self.keys[i] == key).is_some() {
            return false;
        }
        self.keys.push(key);
        let keys = &self.keys;
        self.slots.add(keys.len() - 1, hash, &|i| mix(keys[i]));
        true
    }
}

#[cfg(test)]
mod tests;
