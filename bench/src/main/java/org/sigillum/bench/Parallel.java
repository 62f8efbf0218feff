package org.sigillum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The benchmarks' client side: a number of calls spread over a fixed number of threads. */
final class Parallel {

    /** One call; {@code index} tells calls apart. */
    interface Task<T> {
        T run(int index) throws Exception;
    }

    private Parallel() {
    }

    /** Runs {@code count} tasks on {@code threads} threads and returns their results in order. */
    static <T> List<T> run(int threads, int count, Task<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> task.run(index)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> future : futures) {
                out.add(future.get());
            }
            return out;
        } finally {
            executor.shutdownNow();
        }
    }
}
