#!/usr/bin/env python3
"""Writes a generated libpqxx translation unit of a given shape and size to
stdout, for the robustness tests: deep loop nesting, long call chains,
recursion rings and huge expressions."""
import sys

HEADER = "#include <pqxx/pqxx>\n#include <string>\n"
OUTER = 'for (const auto &u : tx.exec("SELECT id FROM users"))'


def deep(n):
    # A query n loops deep, depending on the outermost row.
    body = ['void deep(pqxx::work &tx) {', '  %s {' % OUTER]
    body += ['for (int i%d = 0; i%d < 2; ++i%d) {' % (i, i, i) for i in range(n)]
    body.append('tx.exec_params("SELECT * FROM t WHERE id = $1", u[0].as<int>());')
    body += ['}'] * n + ['}', '}']
    return "\n".join(body)


def chain(n):
    # h0 runs the query; h<k> calls h<k-1>. Only short chains are followed.
    out = ['static void h0(pqxx::work &tx, int id) {',
           '  tx.exec_params("SELECT * FROM t WHERE id = $1", id);', '}']
    out += ['static void h%d(pqxx::work &tx, int id) { h%d(tx, id); }' % (k, k - 1)
            for k in range(1, n)]
    out.append('void chain(pqxx::work &tx) {')
    out.append('  %s {' % OUTER)
    out.append('    h%d(tx, u[0].as<int>());' % (n - 1))
    out.append('    h3(tx, u[0].as<int>());')
    out += ['  }', '}']
    return "\n".join(out)


def ring(n):
    # r0 -> r1 -> ... -> r<n-1> -> r0, with the query in r2.
    out = ['static void r%d(pqxx::work &tx, int id);' % k for k in range(n)]
    for k in range(n):
        query = ' tx.exec_params("SELECT 1 WHERE 1 = $1", id);' if k == 2 else ''
        out.append('static void r%d(pqxx::work &tx, int id) { if (id) r%d(tx, id - 1);%s }'
                   % (k, (k + 1) % n, query))
    out.append('void ring(pqxx::work &tx) {')
    out.append('  %s r0(tx, u[0].as<int>());' % OUTER)
    out.append('}')
    return "\n".join(out)


def bigexpr(n):
    # SQL built from n concatenated pieces, the row value last.
    pieces = " ".join('+ "x"' for _ in range(n))
    return "\n".join([
        'void bigexpr(pqxx::work &tx) {',
        '  %s {' % OUTER,
        '    std::string q = std::string("SELECT 1 ") %s + u[0].c_str();' % pieces,
        '    tx.exec(q);',
        '  }', '}'])


def main():
    kind, size = sys.argv[1], int(sys.argv[2])
    gen = {"deep": deep, "chain": chain, "ring": ring, "bigexpr": bigexpr}[kind]
    sys.stdout.write(HEADER + gen(size) + "\n")


if __name__ == "__main__":
    main()
