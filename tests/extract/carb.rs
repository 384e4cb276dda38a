//! A port of the CaRB scorer the project measures with (`carb_score.py`): lenient word-overlap matching of
//! relation and arguments (arguments past the second collapse into one), recall as each gold tuple's best
//! match, precision by greedy one-to-one matching, the best F1 over confidence thresholds.

use std::collections::HashMap;

type Tuple = (String, Vec<String>);

/// The sentence key: no spaces, PTB brackets restored, no ASCII punctuation.
fn key(s: &str) -> String {
    let mut s = s.replace(' ', "");
    for (u, e) in [
        ("(", "-LRB-"),
        (")", "-RRB-"),
        ("[", "-LSB-"),
        ("]", "-RSB-"),
        ("{", "-LCB-"),
        ("}", "-RCB-"),
    ] {
        s = s.replace(e, u);
    }
    s.chars().filter(|c| !c.is_ascii_punctuation()).collect()
}

/// Gold tuples by sentence key, in first-seen order.
fn read_gold(text: &str) -> Vec<(String, Vec<Tuple>)> {
    let mut order: Vec<String> = Vec::new();
    let mut map: HashMap<String, Vec<Tuple>> = HashMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.trim().split('\t').collect();
        if f.len() < 2 {
            continue;
        }
        let args = f[2..]
            .iter()
            .filter(|a| !a.contains("C: "))
            .map(|a| a.trim().to_string())
            .collect();
        let k = key(f[0].trim());
        if !map.contains_key(&k) {
            order.push(k.clone());
        }
        map.entry(k)
            .or_default()
            .push((f[1].trim().to_string(), args));
    }
    order
        .into_iter()
        .map(|k| {
            let v = map.remove(&k).unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// Predicted tuples with confidences by sentence key.
fn read_pred(text: &str) -> HashMap<String, Vec<(f64, Tuple)>> {
    let mut map: HashMap<String, Vec<(f64, Tuple)>> = HashMap::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.trim().split('\t').collect();
        let conf: f64 = f[1].parse().expect("confidence");
        let args = f[3..].iter().map(|a| a.to_string()).collect();
        map.entry(key(f[0]))
            .or_default()
            .push((conf, (f[2].to_string(), args)));
    }
    map
}

fn overlap(g: &[&str], p: &[&str]) -> (usize, Vec<String>) {
    let mut rest: Vec<&str> = p.to_vec();
    let mut m = 0;
    for w in g {
        if let Some(k) = rest.iter().position(|x| x == w) {
            m += 1;
            rest.remove(k);
        }
    }
    (m, rest.into_iter().map(String::from).collect())
}

const BE: [&str; 8] = ["be", "is", "am", "are", "was", "were", "been", "being"];

fn lenient(grel: &str, gargs: &[String], prel: &str, pargs: &[String]) -> [f64; 2] {
    let gw: Vec<&str> = grel.split_whitespace().collect();
    let pw: Vec<&str> = prel.split_whitespace().collect();
    let (mut pn, mut pd, mut rn, mut rd) = (0usize, pw.len(), 0usize, gw.len());
    let (mut m, rest) = overlap(&gw, &pw);
    if rest.iter().any(|w| w == "be") && BE.iter().any(|f| gw.contains(f)) {
        m += 1;
    }
    if m == 0 {
        return [0.0, 0.0];
    }
    pn += m;
    rn += m;
    for (i, ga) in gargs.iter().enumerate() {
        let g: Vec<&str> = ga.split_whitespace().collect();
        rd += g.len();
        if pargs.len() <= i {
            if i < 2 {
                return [0.0, 0.0];
            }
            continue;
        }
        let p: Vec<&str> = pargs[i].split_whitespace().collect();
        pd += p.len();
        let (m, _) = overlap(&g, &p);
        pn += m;
        rn += m;
    }
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    [ratio(pn, pd), ratio(rn, rd)]
}

fn collapse(a: &[String]) -> Vec<String> {
    if a.len() >= 2 {
        vec![a[0].clone(), a[1..].join(" ")]
    } else {
        a.to_vec()
    }
}

fn matches(g: &Tuple, p: &Tuple) -> [f64; 2] {
    let (grel, gargs) = g;
    let (prel, pargs) = p;
    let mut s = lenient(grel, &collapse(gargs), prel, &collapse(pargs));
    if ["said", "told", "added", "adds", "says"]
        .iter()
        .any(|v| grel.contains(v))
    {
        let rev = if pargs.len() >= 2 {
            vec![pargs[1..].join(" "), pargs[0].clone()]
        } else {
            pargs.clone()
        };
        let r = lenient(grel, &collapse(gargs), prel, &collapse(&rev));
        if r[0] > s[0] || (r[0] == s[0] && r[1] > s[1]) {
            s = r;
        }
    }
    s
}

/// Precision, recall and F1 at the best confidence threshold.
pub fn score(gold_tsv: &str, oie: &str) -> (f64, f64, f64) {
    let gold = read_gold(gold_tsv);
    let pred = read_pred(oie);
    let mut confs: Vec<f64> = pred.values().flatten().map(|(c, _)| *c).collect();
    confs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    confs.dedup();
    let n = confs.len();
    let idx = |c: f64| confs.iter().position(|&x| x == c).unwrap();
    let (mut p, mut pl, mut r, mut rl) =
        (vec![0.0; n], vec![0usize; n], vec![0.0; n], vec![0usize; n]);
    let empty = Vec::new();
    for (k, g) in &gold {
        let preds = pred.get(k).unwrap_or(&empty);
        let s: Vec<Vec<[f64; 2]>> = g
            .iter()
            .map(|gt| preds.iter().map(|(_, pt)| matches(gt, pt)).collect())
            .collect();
        let mut prev = 0;
        let mut sorted: Vec<f64> = preds.iter().map(|(c, _)| *c).collect();
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
        for conf in sorted {
            let c = idx(conf);
            let sel: Vec<usize> = (0..preds.len()).filter(|&j| preds[j].0 >= conf).collect();
            let rec: f64 = s
                .iter()
                .map(|row| sel.iter().map(|&j| row[j][1]).fold(0.0, f64::max))
                .sum();
            let (mut used_r, mut used_c, mut prec) =
                (vec![false; s.len()], vec![false; preds.len()], 0.0);
            for _ in 0..s.len().min(sel.len()) {
                let (mut best, mut bi, mut bj) = (-1.0, 0, 0);
                for i in 0..s.len() {
                    if used_r[i] {
                        continue;
                    }
                    for &j in &sel {
                        if !used_c[j] && s[i][j][0] > best {
                            (best, bi, bj) = (s[i][j][0], i, j);
                        }
                    }
                }
                used_r[bi] = true;
                used_c[bj] = true;
                prec += s[bi][bj][0];
            }
            for kk in prev..=c {
                p[kk] += prec;
                pl[kk] += sel.len();
                r[kk] += rec;
                rl[kk] += s.len();
            }
            prev = c + 1;
        }
        for count in rl.iter_mut().take(n).skip(prev) {
            *count += s.len();
        }
    }
    let mut best = (0.0, 0.0, -1.0);
    for k in 0..n {
        let pk = if pl[k] > 0 { p[k] / pl[k] as f64 } else { 1.0 };
        let rk = if rl[k] > 0 { r[k] / rl[k] as f64 } else { 0.0 };
        let f = if pk + rk > 0.0 {
            2.0 * pk * rk / (pk + rk)
        } else {
            0.0
        };
        if f > best.2 {
            best = (pk, rk, f);
        }
    }
    best
}
