//! The examples at the end of each command's `--help`: the README's, so that the terminal shows how a
//! command is used without a trip to the documentation.

/// `kg analyze`.
pub const ANALYZE: &str = "Examples:
  kg analyze data/corpus --format conllu
  echo 'Abe met Putin in Nagato.' | kg analyze - --format text
  kg analyze --lines sentences.txt --format jsonl --threads 2 > analysed.jsonl";

/// `kg extract`.
pub const EXTRACT: &str = "Examples:
  kg extract data/corpus --format oie
  kg extract corpus.jsonl --format nq --ontology my-terms.ttl > shard.nq
  kg extract --analyzed analysed.jsonl --format jsonl
  parallel --pipe -N1000 kg extract --format nq - < corpus.jsonl > all.nq";

/// `kg build`.
pub const BUILD: &str = "Examples:
  kg build data/corpus
  kg build news.jsonl --store ./news-store --threads 2
  kg build more-articles/ --ontology my-terms.ttl   # later builds keep the extension";

/// `kg remove`.
pub const REMOVE: &str = "Examples:
  kg remove 000_eec0ab346bc6fd31.txt
  kg remove doc-17 doc-18 --store ./news-store";

/// `kg entity`.
pub const ENTITY: &str = "Examples:
  kg entity Abe
  kg entity 'Vladimir Putin' --limit 5
  kg entity Russia --format json";

/// `kg search`.
pub const SEARCH: &str = "Examples:
  kg search putin
  kg search prime min --limit 5
  kg search abe --format jsonl";

/// `kg documents`.
pub const DOCUMENTS: &str = "Examples:
  kg documents
  kg documents --format tsv | cut -f1 | head    # ids for kg remove
  kg documents --format jsonl --store ./news-store";

/// `kg query`.
pub const QUERY: &str = "Examples:
  kg query 'SELECT ?island WHERE { ?r rdfs:label \"Russia\" ; kg:controls ?i . ?i rdfs:label ?island }'
  kg query --file count.rq --format csv
  kg query 'CONSTRUCT { ?s kg:met ?o } WHERE { ?s kg:met ?o }' --format ttl";

/// `kg path`.
pub const PATH: &str = "Examples:
  kg path Abe Putin
  kg path Russia Etorofu --k 2 --format json
  kg path --pairs pairs.tsv --undirected";

/// `kg export`.
pub const EXPORT: &str = "Examples:
  kg export --format nq > graph.nq
  kg export --format svg --around 'Shinzo Abe' --depth 1 > abe.svg
  kg export --format neo4j --out neo4j-import/";

/// `kg stats`.
pub const STATS: &str = "Examples:
  kg stats
  kg stats --top 25
  kg stats --format json";

/// `kg explain`.
pub const EXPLAIN: &str = "Examples:
  kg explain Russia controls Etorofu
  kg explain 'Shinzo Abe' met 'Vladimir Putin' --format json";

/// `kg load`.
pub const LOAD: &str = "Examples:
  kg load shard-*.nq --lenient
  kg extract corpus.jsonl --format nq | kg load - --format nq";

/// `kg serve`.
pub const SERVE: &str = "Examples:
  kg serve                                 # http://127.0.0.1:7878/ (explorer) and /query
  kg serve --bind 127.0.0.1:0 --read-only
  curl -G http://127.0.0.1:7878/query --data-urlencode 'query=SELECT * WHERE { ?s kg:met ?o }'";

/// `kg push`.
pub const PUSH: &str = "Examples:
  kg push --graph-store http://localhost:7879/store
  kg push --endpoint http://localhost:7879/update --doc 000_eec0ab346bc6fd31.txt";
