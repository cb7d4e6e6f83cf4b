import type { LogPattern } from "./types";

// Managed-runtime memory exhaustion and generic unhandled exceptions in Python,
// Java/Kotlin, Go, Node.js, Rust and .NET. Exceptions are symptoms: the
// precedence model lets a concrete cause on another line win.
export const runtimePatterns: LogPattern[] = [
  {
    id: "jvm.oom",
    category: "jvm_oom",
    severity: "critical",
    regex: String.raw`(?:\bjava\.lang\.OutOfMemoryError\b|\bOutOfMemoryError: (?:Java heap space|GC overhead limit exceeded|Metaspace|Direct buffer memory|unable to create (?:new )?native thread|Requested array size)|Terminating due to java\.lang\.OutOfMemoryError)`,
    explanation:
      "The JVM heap (or metaspace/direct memory) is exhausted; -Xmx/MaxRAMPercentage is too small or memory leaks.",
    examples: {
      positive: [
        `Exception in thread "main" java.lang.OutOfMemoryError: Java heap space`,
        "Caused by: java.lang.OutOfMemoryError: GC overhead limit exceeded",
        "Terminating due to java.lang.OutOfMemoryError: Metaspace",
      ],
      negative: ["java.lang.IllegalStateException: pool exhausted", "heap usage 45%"],
    },
  },
  {
    id: "runtime.heap-oom",
    category: "jvm_oom",
    severity: "critical",
    regex: String.raw`(?i)(?:JavaScript heap out of memory|Reached heap limit Allocation failed|java_pid\d+\.hprof|Dumping heap to \S+\.hprof|Allowed memory size of \d+ bytes exhausted)`,
    explanation:
      "V8, JVM or PHP heap exhaustion (heap dump written / heap or memory_limit reached). Treated like the JVM's: the fix is the runtime heap setting.",
    examples: {
      positive: [
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
        "Dumping heap to /tmp/java_pid1.hprof ...",
        "PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
      ],
      negative: ["heap snapshot disabled"],
    },
  },
  {
    id: "exc.python-traceback",
    category: "application_exception",
    severity: "medium",
    regex: String.raw`\bTraceback \(most recent call last\):`,
    explanation: "An unhandled Python exception; the last line of the traceback names the error.",
    examples: { positive: ["Traceback (most recent call last):"], negative: ["traceback printing disabled"] },
  },
  {
    id: "exc.java",
    category: "application_exception",
    severity: "medium",
    regex: String.raw`(?:^\s*(?:Exception in thread "[^"]*" |Caused by: )?(?:[a-z_][A-Za-z0-9_$]*\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::|\s*$)|^\s+at (?:[A-Za-z_$][A-Za-z0-9_$]*\.)+[A-Za-z0-9_$<>]+\([A-Za-z0-9_$]+\.(?:java|kt|scala):\d+\))`,
    explanation: "An unhandled JVM exception or its stack frames.",
    examples: {
      positive: [
        `Exception in thread "main" java.lang.IllegalStateException: config missing`,
        "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed",
        "\tat com.acme.api.Main.run(Main.java:42)",
      ],
      negative: ["INFO com.acme.api.Main started in 2.1s", "using java.lang.String"],
    },
  },
  {
    id: "exc.go-panic",
    category: "application_exception",
    severity: "high",
    regex: String.raw`(?:^panic: |^goroutine \d+ \[running\]:|^fatal error: |^\s*thread '[^']*' panicked at)`,
    explanation: "A Go panic / fatal error or Rust panic terminated the process.",
    examples: {
      positive: [
        "panic: runtime error: invalid memory address or nil pointer dereference",
        "goroutine 1 [running]:",
        "thread 'main' panicked at src/main.rs:10:5:",
      ],
      negative: ["recovered from panic in handler", 'level=info msg="no panic"'],
    },
  },
  {
    id: "exc.node",
    category: "application_exception",
    severity: "medium",
    regex: String.raw`(?:^\s*(?:Uncaught )?(?:TypeError|ReferenceError|SyntaxError|RangeError|Error): |\bUnhandledPromiseRejection|^\s+at (?:\S+ )?\(?(?:file://)?/?[^\s()]+\.(?:js|mjs|cjs|ts):\d+:\d+\)?\s*$|^node:internal/\S+:\d+)`,
    explanation: "An unhandled Node.js error or its stack frames.",
    examples: {
      positive: [
        "TypeError: Cannot read properties of undefined (reading 'id')",
        "    at Object.<anonymous> (/app/server.js:12:5)",
        "    at /app/dist/index.js:5:11",
      ],
      negative: ["GET /health 200 3ms", "error count: 0"],
    },
  },
  {
    id: "exc.python-final",
    category: "application_exception",
    severity: "medium",
    regex: String.raw`^(?:[a-z_][A-Za-z0-9_]*\.)*[A-Z][A-Za-z0-9_]*(?:Error|Exception|Exit): \S`,
    explanation: "The final line of a Python (or similar) traceback naming the exception type.",
    examples: {
      positive: [
        "KeyError: 'user_id'",
        "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect",
      ],
      negative: ["  raise KeyError(key)", "INFO: Error budget ok"],
    },
  },
  {
    id: "exc.unhandled-or-error-level",
    category: "application_exception",
    severity: "medium",
    regex: String.raw`(?:^Unhandled exception\. |\blevel=(?:error|fatal|critical)\b|"level"\s*:\s*"(?:error|fatal|critical)")`,
    explanation: "An unhandled .NET exception or a structured log record at error level.",
    examples: {
      positive: [
        "Unhandled exception. System.InvalidOperationException: boom",
        `{"level":"error","msg":"request failed"}`,
      ],
      negative: [`{"level":"info","msg":"ok"}`, 'level=info msg="error count 0"'],
    },
  },
  {
    id: "exc.ruby-php-dotnet",
    category: "application_exception",
    severity: "medium",
    // The unhandled-error shapes of runtimes the other exc.* patterns do not
    // parse: PHP fatal errors and their `#0 file(line)` traces, Ruby/Rails
    // errors and `file.rb:N:in` frames, .NET exceptions and `in File.cs:line N`
    // frames, uncaught C++ exceptions, Elixir `** (Error)` and Swift traps.
    regex: String.raw`(?:\bPHP (?:Fatal|Parse) error\b|\bFatal error: Uncaught\b|\bUncaught (?:[A-Za-z]+\\)*[A-Z][A-Za-z]*(?:Error|Exception)\b|^\s*thrown in \S+ on line \d+|^#\d+ \S+\(\d+\): |\bundefined (?:method|local variable or method) \S+ for |\((?:NoMethodError|NameError|ArgumentError|TypeError|RuntimeError|ZeroDivisionError|KeyError)\)|^\s*from \S+\.rb:\d+:in |\b[A-Z][A-Za-z0-9]*(?:::[A-Z][A-Za-z0-9]*)*::(?:[A-Z][A-Za-z0-9]*)?(?:Error|Exception)\b|\bSystem\.(?:[A-Z][A-Za-z]*\.)*[A-Z][A-Za-z]*Exception\b|An unhandled exception of type|Object reference not set to an instance of an object|^\s+at \S+\(.*\) in \S+\.cs:line \d+|terminate called after throwing an instance of|^\*\* \([A-Z][A-Za-z.]*(?:Error|Exception)\)|Fatal error: Unexpectedly found nil)`,
    explanation:
      "An unhandled PHP, Ruby, .NET, C++, Elixir or Swift error; the first line names the error, the frames below point at the code.",
    examples: {
      positive: [
        "PHP Fatal error:  Uncaught TypeError: Argument 1 passed to Acme\\Api::call() must be of the type array, null given",
        "#0 /var/www/app/src/Api.php(42): Acme\\Api->call()",
        "An ActionView::Template::Error occurred in orders#show:",
        "NoMethodError (undefined method `name' for nil:NilClass):",
        "System.NullReferenceException: Object reference not set to an instance of an object.",
        "   at Acme.Orders.Handler.Run(Order o) in /src/Orders/Handler.cs:line 42",
        "terminate called after throwing an instance of 'std::out_of_range'",
        "** (RuntimeError) boom",
      ],
      negative: ["Completed 200 OK in 12ms", "PHP 8.2.1 (cli)", "from the cache"],
    },
  },
];
