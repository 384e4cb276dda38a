//! Reading thinc's msgpack model files: a map `{nodes, attrs, params, shims}` with one entry per layer node
//! in depth-first order; parameters are msgpack-numpy arrays of little-endian float32.

use super::AnalysisError;
use rmpv::Value;
use std::collections::HashMap;

/// A dense float32 array in C order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tensor {
    /// Dimensions.
    pub shape: Vec<usize>,
    /// Values, row-major.
    pub data: Vec<f32>,
}

/// One layer node of a thinc model.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// The layer's name (`hashembed`, `maxout`, `layernorm`, `linear`, ...).
    pub name: String,
    /// Parameters by name.
    pub params: HashMap<String, Tensor>,
    /// Attributes by name, decoded from their msgpack bytes.
    pub attrs: HashMap<String, Value>,
    /// Named references to other nodes (indices into [`ModelWeights::nodes`]).
    pub refs: HashMap<String, usize>,
}

/// All nodes of one model file.
#[derive(Debug, Clone, Default)]
pub struct ModelWeights {
    /// The file the weights came from (for error messages), e.g. `tok2vec/model`.
    pub file: String,
    /// Nodes in the file's (depth-first) order.
    pub nodes: Vec<Node>,
}

fn key_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => s.as_str(),
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

fn map_get<'a>(map: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| key_str(k) == Some(key))
        .map(|(_, v)| v)
}

impl ModelWeights {
    /// Parses a model file.
    pub fn from_msgpack(file: &str, bytes: &[u8]) -> Result<ModelWeights, AnalysisError> {
        let bad = |why: String| AnalysisError::BadModelData {
            file: file.to_string(),
            reason: why,
        };
        let root = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| bad(e.to_string()))?;
        let root = root
            .as_map()
            .ok_or_else(|| bad("not a msgpack map".into()))?;
        let list = |key: &str| -> Result<&Vec<Value>, AnalysisError> {
            map_get(root, key)
                .and_then(Value::as_array)
                .ok_or_else(|| bad(format!("no `{key}` list")))
        };
        let nodes = list("nodes")?;
        let params = list("params")?;
        let attrs = list("attrs")?;
        if params.len() != nodes.len() || attrs.len() != nodes.len() {
            return Err(bad("nodes, params and attrs differ in length".into()));
        }
        let mut out = Vec::with_capacity(nodes.len());
        for ((node, node_params), node_attrs) in nodes.iter().zip(params).zip(attrs) {
            let node = node
                .as_map()
                .ok_or_else(|| bad("node is not a map".into()))?;
            let name = map_get(node, "name")
                .and_then(key_str)
                .ok_or_else(|| bad("node without a name".into()))?
                .to_string();
            let mut refs = HashMap::new();
            for (k, v) in map_get(node, "refs")
                .and_then(Value::as_map)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                if let (Some(k), Some(v)) = (key_str(k), v.as_u64()) {
                    refs.insert(k.to_string(), v as usize);
                }
            }
            let mut params = HashMap::new();
            for (k, v) in node_params.as_map().map(Vec::as_slice).unwrap_or(&[]) {
                let pname = key_str(k).ok_or_else(|| bad(format!("{name}: bad parameter name")))?;
                let tensor = read_array(v).map_err(|why| bad(format!("{name}.{pname}: {why}")))?;
                params.insert(pname.to_string(), tensor);
            }
            let mut attrs = HashMap::new();
            for (k, v) in node_attrs.as_map().map(Vec::as_slice).unwrap_or(&[]) {
                let aname = key_str(k).ok_or_else(|| bad(format!("{name}: bad attribute name")))?;
                let value = match v {
                    Value::Binary(b) => rmpv::decode::read_value(&mut &b[..])
                        .map_err(|e| bad(format!("{name}.{aname}: {e}")))?,
                    other => other.clone(),
                };
                attrs.insert(aname.to_string(), value);
            }
            out.push(Node {
                name,
                params,
                attrs,
                refs,
            });
        }
        Ok(ModelWeights {
            file: file.to_string(),
            nodes: out,
        })
    }

    /// Nodes with exactly this name, in file order.
    pub fn nodes_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes.iter().filter(move |n| n.name == name)
    }

    /// The error for a model whose layers are not what this implementation runs.
    pub fn unsupported(&self, why: impl std::fmt::Display) -> AnalysisError {
        AnalysisError::Unsupported(format!("{}: {why}", self.file))
    }

    /// A parameter of `node`, checked against the expected shape (`None` entries match any size).
    pub fn param<'a>(
        &self,
        node: &'a Node,
        name: &str,
        shape: &[Option<usize>],
    ) -> Result<&'a Tensor, AnalysisError> {
        let t = node.params.get(name).ok_or_else(|| {
            self.unsupported(format!("layer {} has no parameter {name}", node.name))
        })?;
        let fits = t.shape.len() == shape.len()
            && t.shape
                .iter()
                .zip(shape)
                .all(|(&have, want)| want.is_none_or(|w| w == have));
        if !fits {
            return Err(self.unsupported(format!(
                "{}.{name} has shape {:?}, expected {:?}",
                node.name, t.shape, shape
            )));
        }
        Ok(t)
    }
}

fn read_array(v: &Value) -> Result<Tensor, String> {
    let map = v.as_map().ok_or("not a msgpack-numpy map")?;
    let dtype = map_get(map, "type").and_then(key_str).ok_or("no dtype")?;
    if dtype != "<f4" {
        return Err(format!("dtype {dtype} (only <f4 is supported)"));
    }
    let shape: Vec<usize> = map_get(map, "shape")
        .and_then(Value::as_array)
        .ok_or("no shape")?
        .iter()
        .map(|d| d.as_u64().map(|d| d as usize).ok_or("bad dimension"))
        .collect::<Result<_, _>>()?;
    let data = match map_get(map, "data").ok_or("no data")? {
        Value::Binary(b) => b.as_slice(),
        _ => return Err("data is not binary".into()),
    };
    let n: usize = shape.iter().product();
    if data.len() != n * 4 {
        return Err(format!("{} bytes for shape {shape:?}", data.len()));
    }
    let data = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Tensor { shape, data })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn array(shape: &[u64], values: &[f32]) -> Value {
        let data: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        Value::Map(vec![
            (Value::Binary(b"nd".to_vec()), Value::Boolean(true)),
            (Value::Binary(b"type".to_vec()), Value::from("<f4")),
            (Value::Binary(b"kind".to_vec()), Value::Binary(vec![])),
            (
                Value::Binary(b"shape".to_vec()),
                Value::Array(shape.iter().map(|&d| Value::from(d)).collect()),
            ),
            (Value::Binary(b"data".to_vec()), Value::Binary(data)),
        ])
    }

    fn encode(v: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, v).unwrap();
        out
    }

    #[test]
    fn reads_nodes_params_and_attrs() {
        let seed = encode(&Value::from(8));
        let file = Value::Map(vec![
            (
                Value::from("nodes"),
                Value::Array(vec![Value::Map(vec![
                    (Value::from("index"), Value::from(0)),
                    (Value::from("name"), Value::from("hashembed")),
                ])]),
            ),
            (
                Value::from("attrs"),
                Value::Array(vec![Value::Map(vec![(
                    Value::from("seed"),
                    Value::Binary(seed),
                )])]),
            ),
            (
                Value::from("params"),
                Value::Array(vec![Value::Map(vec![(
                    Value::from("E"),
                    array(&[2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
                )])]),
            ),
            (
                Value::from("shims"),
                Value::Array(vec![Value::Array(vec![])]),
            ),
        ]);
        let w = ModelWeights::from_msgpack("t/model", &encode(&file)).unwrap();
        let node = w.nodes_named("hashembed").next().unwrap();
        assert_eq!(node.attrs["seed"].as_u64(), Some(8));
        let e = w.param(node, "E", &[Some(2), None]).unwrap();
        assert_eq!(e.data, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert!(w.param(node, "E", &[Some(3), None]).is_err());
        assert!(w.param(node, "W", &[None]).is_err());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(ModelWeights::from_msgpack("x", b"\xc1\xff\x00").is_err());
        assert!(ModelWeights::from_msgpack("x", b"").is_err());
        assert!(ModelWeights::from_msgpack("x", &encode(&Value::from(3))).is_err());
    }
}
