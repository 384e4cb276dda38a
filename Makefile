# Two commands do all the set-up on a fresh Debian machine:
#   make demo   builds kg and runs it on the sample corpus in data/corpus
#   make test   runs the test suite (cargo test --release)
# Both install what the build needs first (libclang for oxigraph's RocksDB bindings), with apt when missing.

CARGO ?= cargo
STORE ?= ./kg-store
KG := $(or $(CARGO_TARGET_DIR),target)/release/kg
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test deps build ci clean-store

deps:
	@if ! ls /usr/lib/llvm-*/lib/libclang.so* /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1; then \
		echo "installing libclang-dev and clang (needed by oxigraph's RocksDB bindings)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libclang-dev clang; \
	fi

build: deps
	$(CARGO) build --release

demo: build
	rm -rf $(STORE)
	$(KG) build data/corpus --store $(STORE)
	$(KG) stats --store $(STORE)
	$(KG) query --store $(STORE) 'PREFIX kg: <https://kg.example.org/ontology#> SELECT DISTINCT ?s ?o WHERE { ?x kg:controls ?y . ?x rdfs:label ?s . ?y rdfs:label ?o } ORDER BY ?s ?o'
	$(KG) path --store $(STORE) Abe Putin
	$(KG) export --store $(STORE) --format svg > kg-demo.svg
	@echo "wrote kg-demo.svg"

test: deps
	$(CARGO) test --release

ci:
	bash .ci/run
