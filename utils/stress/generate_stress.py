#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Writes a generated libpqxx translation unit of a given shape and size to
stdout, for the robustness tests and the stress harness: many functions, deep
loop nesting, long call chains, recursion rings, huge expressions and string
literals, macros that expand to loops and queries, templates instantiated
many times, lambdas run by algorithms, helpers returning each other's
rows, and goto spaghetti."""
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


def functions(n):
    # n functions, each a loop over rows with one N+1 and one invariant query.
    out = []
    for k in range(n):
        out.append('void f%d(pqxx::work &tx) {' % k)
        out.append('  %s {' % OUTER)
        out.append('    tx.exec_params("SELECT * FROM t%d WHERE id = $1", u[0].as<int>());' % k)
        out.append('    tx.exec("SELECT 1");')
        out.append('  }')
        out.append('}')
    return "\n".join(out)


def bigliteral(n):
    # An SQL string literal of n bytes, run once per row.
    text = "SELECT * FROM t WHERE id = $1 " + "-" * max(0, n - 40)
    return "\n".join([
        'void bigliteral(pqxx::work &tx) {',
        '  %s' % OUTER,
        '    tx.exec_params("%s", u[0].as<int>());' % text,
        '}'])


def macros(n):
    # Macros that expand to loops and queries, used n times.
    out = ['#define EACH_USER(tx, u) for (const auto &u : tx.exec("SELECT id FROM users"))',
           '#define ORDERS_OF(tx, id) tx.exec_params("SELECT * FROM orders WHERE user_id = $1", id)',
           '#define NPLUS1(tx) EACH_USER(tx, u) ORDERS_OF(tx, u[0].as<int>())']
    out.append('void macros(pqxx::work &tx) {')
    out += ['  NPLUS1(tx);'] * n
    out.append('  EACH_USER(tx, u) { ORDERS_OF(tx, u[0].as<int>()); }')
    out.append('}')
    return "\n".join(out)


def templates(n):
    # One template with the N+1, instantiated n times.
    out = ['template <int N> void perRow(pqxx::work &tx) {',
           '  %s' % OUTER,
           '    tx.exec_params("SELECT * FROM t WHERE id = $1", u[0].as<int>() + N);',
           '}',
           'void templates(pqxx::work &tx) {']
    out += ['  perRow<%d>(tx);' % k for k in range(n)]
    out.append('}')
    return "\n".join(out)


def lambdas(n):
    # n algorithm calls in one function, each running a lambda that queries
    # per element of the rows.
    out = ['#include <algorithm>', 'void lambdas(pqxx::work &tx) {',
           '  pqxx::result users = tx.exec("SELECT id FROM users");']
    for k in range(n):
        out.append('  std::for_each(users.begin(), users.end(), [&](const pqxx::row &u) {')
        out.append('    tx.exec_params("SELECT * FROM t%d WHERE id = $1", u[0].as<int>());' % k)
        out.append('  });')
    out.append('}')
    return "\n".join(out)


def returned(n):
    # g0 loads rows into a vector; g<k> returns g<k-1>()'s rows; the loop
    # walks g<n-1>()'s. Only MaxCallDepth helpers deep are followed, so the
    # short chain g3 is found and the long one is not.
    out = ['#include <vector>',
           'static std::vector<int> g0(pqxx::work &tx) {',
           '  std::vector<int> ids;',
           '  %s ids.push_back(u[0].as<int>());' % OUTER,
           '  return ids;', '}']
    out += ['static std::vector<int> g%d(pqxx::work &tx) { return g%d(tx); }' % (k, k - 1)
            for k in range(1, n)]
    out.append('void returned(pqxx::work &tx) {')
    out.append('  for (int id : g%d(tx))' % (n - 1))
    out.append('    tx.exec_params("SELECT * FROM a WHERE id = $1", id);')
    out.append('  for (int id : g3(tx))')
    out.append('    tx.exec_params("SELECT * FROM b WHERE id = $1", id);')
    out.append('}')
    return "\n".join(out)


def gotos(n):
    # Goto spaghetti over n labels: gotos back to earlier labels (loops that
    # overlap), forward gotos, gotos into a block from outside, labels never
    # jumped to, a computed goto, blocks nested n deep ending in gotos; then
    # one N+1 the spaghetti must not hide.
    out = ['static void touch(int) {}',
           'void gotos(pqxx::work &tx) {',
           '  int i = 0;',
           '  void *target = &&L0;']
    for k in range(n):
        out.append('L%d:' % k)
        out.append('  touch(i++);')
        if k % 3 == 0 and k:
            out.append('  if (i %% 5 == 1) goto L%d;' % ((k * 7919) % k))
        if k % 3 == 1 and k + 2 < n:
            out.append('  if (i %% 3 == 0) goto L%d;' % (k + 2))
        if k % 5 == 2:
            out.append('  { M%d: touch(i); if (i > %d) goto L%d; }' % (k, k, k))
        if k % 5 == 4:
            out.append('  if (i == %d) goto M%d;' % (k, k - 2))
        if k % 11 == 10:
            out.append('  if (i == 0) goto *target;')
    # Clang allows 256 nested brackets.
    depth = min(n, 200)
    out.append('  ' + '{ if (i) ' * depth + 'goto L0;' + ' }' * depth)
    out.append('  %s' % OUTER)
    out.append('    tx.exec_params("SELECT * FROM t WHERE id = $1", u[0].as<int>());')
    out.append('}')
    return "\n".join(out)


GENERATORS = {"gotos": gotos, "deep": deep, "chain": chain, "ring": ring, "bigexpr": bigexpr,
              "functions": functions, "bigliteral": bigliteral,
              "macros": macros, "templates": templates, "lambdas": lambdas,
              "returned": returned}


def generate(kind, size):
    return HEADER + GENERATORS[kind](size) + "\n"


def main():
    kind, size = sys.argv[1], int(sys.argv[2])
    gen = GENERATORS[kind]
    sys.stdout.write(HEADER + gen(size) + "\n")


if __name__ == "__main__":
    main()
