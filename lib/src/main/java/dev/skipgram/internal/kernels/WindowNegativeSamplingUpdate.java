package dev.skipgram.internal.kernels;

/**
 * One SGD step of negative sampling on a whole window with negatives shared by its pairs (HogBatch,
 * Ji et al., arXiv:1611.06172; SPEC §9), fused and in place. Per-thread: it owns scratch rows, so give
 * each worker its own instance.
 *
 * <pre>
 * Shapes: d = dimension, n = the window's inputs (context words, n ≤ 2·windowSize), T = K + 1
 *   inputVectors    [V, d]  row w = v_w;  C [n, d] = the rows of inputRows, gathered
 *   outputVectors   [V, d]  row w = u_w;  O [T, d] = the rows of targets, gathered
 *   targets[0] = w_t (label 1), targets[1..K] = the window's negatives (label 0)
 *
 *   S  = C Oᵀ                                  [n, T]   scores
 *   J  = Σ_i softplus(−S_i0) + Σ_i Σ_k≥1 softplus(S_ik)  (each row: one pair's loss, SPEC §2)
 *   G  = −η ∂J/∂S = η (ℓ − σ(S))                [n, T]   in place of S
 *   ΔC = G O                                    [n, d]   (O before the step)
 *   ΔO = Gᵀ C                                   [T, d]   (C before the step)
 *   inputVectors[inputRows_i]  += ΔC_i ;  outputVectors[targets_k] += ΔO_k     (scatter-add)
 *   returns J
 * </pre>
 * Both updates are computed from the gathered rows before either is written back, and each is added
 * to the row as it is then, so a word twice among the inputs, or a negative drawn twice, receives the
 * sum of its rows' updates: exactly −η times the gradient of the window's loss (the sum of the
 * reference {@link dev.skipgram.loss.NegativeSamplingLoss} over its pairs with those negatives).
 * The per-pair kernel {@link NegativeSamplingUpdate} instead lets each pair see the previous pair's
 * updates; the two agree to first order in η.
 *
 * <p>Numerics: every loss term and σ is evaluated from e^(−|z|) ∈ (0, 1] (the fast {@link
 * FloatKernels#exp}), so scores of any size give a finite loss and steps bounded by η·|row|.
 * No INDArray is created and nothing is allocated per call; rows move with bulk copies through
 * {@link FloatMatrix}, each into its own {@code float[d]} scratch row, so that every axpy indexes
 * its two arrays alike and C2 vectorises it (with offsets into one shared block it cannot tell the
 * rows apart from overlapping ones, and the loops stay scalar).
 */
public final class WindowNegativeSamplingUpdate implements SharedTargetsUpdate {

    private final RowOps ops;
    private final int dimension;
    private final int padded; // the scratch rows' length: d, rounded up to whole vectors; the rest stays 0
    private final int maxInputs;
    private final int maxTargets;
    private final float[][] c; // C [maxInputs][d]
    private final float[][] o; // O [maxTargets][d]
    private final float[][] dc; // ΔC [maxInputs][d]
    private final float[][] dO; // ΔO [maxTargets][d]
    private final float[] g; // G [maxInputs, maxTargets], row-major, then a vector of slack
    private final float[] signs; // [maxInputs, maxTargets]: −1 for a label-1 target, +1 for label 0; slack
    private final float[] row; // padded scratch for the scatter-add
    private final float[] row2; // a second, for two rows a pass
    private final boolean sequential; // Form.SEQUENTIAL: pairs step one after the other on the gathered rows
    private final boolean[] predictedFirst; // negative sampling's labels: target 0 is 1, the others 0
    private final boolean mean; // Form.MEAN (CBOW): the n inputs' mean h is the one row the targets see
    private final float[][] hidden; // h [1][d], the mean (CBOW only)
    private final float[] weights; // 1/n, n times: h = Σ_i (1/n) C_i as a combination (CBOW only)

    /**
     * The kernel with this JVM's fastest row arithmetic ({@link RowOps#fastest()}).
     *
     * @param dimension d, the length of every row, ≥ 1
     * @param maxInputs the most inputs of a window (2·windowSize for the word2vec recipe), ≥ 1
     * @param maxTargets the most targets (K + 1), ≥ 1
     * @throws IllegalArgumentException naming the value below 1
     */
    public WindowNegativeSamplingUpdate(int dimension, int maxInputs, int maxTargets) {
        this(dimension, maxInputs, maxTargets, RowOps.fastest());
    }

    /**
     * @param dimension d, the length of every row, ≥ 1
     * @param maxInputs the most inputs of a window (2·windowSize for the word2vec recipe), ≥ 1
     * @param maxTargets the most targets (K + 1), ≥ 1
     * @param ops the row arithmetic (scalar or Vector API)
     * @throws IllegalArgumentException naming the value below 1
     */
    public WindowNegativeSamplingUpdate(int dimension, int maxInputs, int maxTargets, RowOps ops) {
        this(dimension, maxInputs, maxTargets, ops, Form.BATCHED);
    }

    /** How a window's inputs meet its targets; {@link #of} makes the kernel of each form. */
    enum Form {
        /** The step of the class comment: every input against the targets as gathered. */
        BATCHED,
        /**
         * The CBOW form (word2vec.c's {@code cbow_mean}): the n inputs are averaged into one hidden
         * row h, the targets see h alone, and −η ∂J/∂h is added to each of the n input rows.
         *
         * <pre>
         *   h  = (1/n) Σ_i C_i                          [1, d]   (a combination of the gathered rows)
         *   S  = h Oᵀ, G = −η ∂J/∂S                     [1, T]
         *   e  = G O                                    [1, d];   ΔO = Gᵀ h   [T, d]
         *   inputVectors[inputRows_i] += e  (i = 1..n, undivided, as word2vec.c);  outputVectors[targets_k] += ΔO_k
         * </pre>
         * Its {@code apply} returns the loss of the one prediction, not a sum over n pairs; {@link
         * CbowUpdate} is its public face.
         */
        MEAN,
        /**
         * The sequential form: the window's pairs step one after the other, as word2vec.c's per-pair
         * loop does, but on rows gathered once for the window. Pair i scores against the targets'
         * rows as pairs 0..i−1 left them, and steps them at once (in the gathered copies); their
         * summed updates reach the matrix at the end of the window.
         *
         * <pre>
         *   for i = 1..n:  S_i = C_i Oᵀ;  G_i = −η ∂J_i/∂S_i;  ΔC_i = G_i O;  O_k += G_ik C_i  (k = 1..T)
         *   inputVectors[inputRows_i] += ΔC_i;  outputVectors[targets_k] += Σ_i G_ik C_i
         * </pre>
         * It differs from word2vec.c's per-pair updates only where an input word occurs twice in the
         * window (both pairs read its row as gathered) and in when other threads see the target
         * rows' updates (at the end of the window). Hierarchical softmax in the word2vec.c order
         * takes it: the path's rows are gathered once per window instead of once per pair.
         */
        SEQUENTIAL
    }

    /**
     * The kernel of {@code form}.
     *
     * @param form how the inputs meet the targets
     * @param dimension d, ≥ 1
     * @param maxInputs the most inputs of a window, ≥ 1
     * @param maxTargets the most targets, ≥ 1
     * @param ops the row arithmetic
     * @return the kernel
     */
    static WindowNegativeSamplingUpdate of(Form form, int dimension, int maxInputs, int maxTargets, RowOps ops) {
        return new WindowNegativeSamplingUpdate(dimension, maxInputs, maxTargets, ops, form);
    }

    private WindowNegativeSamplingUpdate(int dimension, int maxInputs, int maxTargets, RowOps ops, Form form) {
        this.ops = java.util.Objects.requireNonNull(ops, "ops");
        if (dimension < 1 || maxInputs < 1 || maxTargets < 1) {
            throw new IllegalArgumentException("dimension, maxInputs and maxTargets must be >= 1, got "
                    + dimension + ", " + maxInputs + ", " + maxTargets);
        }
        this.dimension = dimension;
        this.maxInputs = maxInputs;
        this.maxTargets = maxTargets;
        this.padded = this.ops.paddedLength(dimension);
        this.c = new float[maxInputs][padded];
        this.o = new float[maxTargets][padded];
        this.dc = new float[maxInputs][padded];
        this.dO = new float[maxTargets][padded];
        // a vector past the end, so that the logistic's last partial vector runs in lanes (RowOps.logistic)
        this.g = new float[maxInputs * maxTargets + this.ops.paddedLength(1)];
        this.signs = new float[g.length];
        this.row = new float[padded];
        this.row2 = new float[padded];
        this.predictedFirst = new boolean[maxTargets];
        this.predictedFirst[0] = true;
        this.mean = form == Form.MEAN;
        this.sequential = form == Form.SEQUENTIAL;
        this.hidden = new float[1][this.mean ? padded : 0];
        this.weights = new float[this.mean ? maxInputs : 0];
    }

    @Override
    public int maxInputs() {
        return maxInputs;
    }

    @Override
    public int maxTargets() {
        return maxTargets;
    }

    @Override
    public double apply(FloatMatrix inputVectors, FloatMatrix outputVectors, int[] inputRows, int inputCount,
            int[] targets, int targetCount, float learningRate) {
        double loss = step(inputVectors, outputVectors, inputRows, inputCount, targets, targetCount, predictedFirst,
                -learningRate);
        scatter(inputVectors, outputVectors, inputRows, inputCount, targets, targetCount);
        return loss;
    }

    /**
     * The gradient form of the same kernel, for tests and objectives that hand the step to an
     * optimiser: adds {@code scale} times the window's gradient to the two gradient matrices, with
     * the parameters read-only.
     *
     * <pre>
     *   inputGradient[inputRows_i] += scale · (∂J/∂S O)_i     outputGradient[targets_k] += scale · (∂J/∂Sᵀ C)_k
     * </pre>
     *
     * @param inputVectors the input matrix; not modified
     * @param outputVectors the output matrix; not modified
     * @param inputGradient accumulates the gradient with respect to {@code inputVectors} (same shape)
     * @param outputGradient accumulates the gradient with respect to {@code outputVectors} (same shape)
     * @param inputRows the window's input words
     * @param inputCount n
     * @param targets the predicted word, then its negatives
     * @param targetCount K + 1
     * @param scale the factor on the gradient
     * @return the window's loss J
     * @throws IllegalArgumentException if {@code inputCount} or {@code targetCount} is out of range
     */
    public double addGradient(FloatMatrix inputVectors, FloatMatrix outputVectors, FloatMatrix inputGradient,
            FloatMatrix outputGradient, int[] inputRows, int inputCount, int[] targets, int targetCount,
            float scale) {
        if (mean) {
            throw new IllegalStateException("the CBOW form has no gradient form: its input update is undivided");
        }
        double loss = step(inputVectors, outputVectors, inputRows, inputCount, targets, targetCount, predictedFirst,
                scale);
        scatter(inputGradient, outputGradient, inputRows, inputCount, targets, targetCount);
        return loss;
    }

    /**
     * The same step with any labels: target k has label 1 where {@code label[k]} is true, else 0, and
     * contributes softplus(−s) or softplus(s) to each input's loss. Hierarchical softmax's window
     * kernel steps along a path this way ({@link WindowHierarchicalSoftmaxUpdate}: label = 1 − code bit).
     *
     * @param inputVectors the input matrix, updated in place
     * @param outputVectors the output matrix, updated in place
     * @param inputRows the window's input words
     * @param inputCount n
     * @param targets the output rows; distinct or not, each gets its own update
     * @param targetCount T
     * @param label the targets' labels, {@code targetCount} of them
     * @param learningRate η
     * @return the window's loss before the step
     */
    double applyLabelled(FloatMatrix inputVectors, FloatMatrix outputVectors, int[] inputRows, int inputCount,
            int[] targets, int targetCount, boolean[] label, float learningRate) {
        double loss = step(inputVectors, outputVectors, inputRows, inputCount, targets, targetCount, label,
                -learningRate);
        scatter(inputVectors, outputVectors, inputRows, inputCount, targets, targetCount);
        return loss;
    }

    /**
     * Gathers C (or, in the CBOW form, C and its mean h) and O, and computes ΔC (ΔC_0 = e for CBOW) and
     * ΔO as {@code factor} times the gradients; returns J.
     */
    private double step(FloatMatrix inputVectors, FloatMatrix outputVectors, int[] inputRows, int n,
            int[] targets, int t, boolean[] label, float factor) {
        if (n < 0 || n > maxInputs || t < 1 || t > maxTargets) {
            throw new IllegalArgumentException("a window of " + n + " inputs and " + t + " targets is outside [0, "
                    + maxInputs + "] x [1, " + maxTargets + "]");
        }
        for (int i = 0; i < n; i++) {
            inputVectors.getRow(inputRows[i], c[i]); // d floats; the padding stays 0
        }
        for (int k = 0; k < t; k++) {
            outputVectors.getRow(targets[k], o[k]);
        }
        if (!mean) {
            return rows(c, n, t, label, factor);
        }
        // h = Σ_i (1/n) C_i  [1, d]
        java.util.Arrays.fill(weights, 0, n, 1f / n);
        ops.combination(weights, 0, 1, c, n, hidden[0], padded);
        return rows(hidden, n == 0 ? 0 : 1, t, label, factor);
    }

    /**
     * The step on m gathered input rows X [m, d] and the gathered O: S = X Oᵀ and G in place of S;
     * returns J. The batched and CBOW forms leave ΔC = G O and ΔO = Gᵀ X to the scatter; the
     * sequential form computes ΔC into dc and ΔO into dO.
     */
    private double rows(float[][] x, int m, int t, boolean[] label, float factor) {
        signs(m, t, label);
        if (sequential && m > 1) {
            return sequentialRows(x, m, t, factor);
        }
        // S = X Oᵀ [m, T] into g, then G = factor · ∂J/∂S in place, and J
        ops.dotsRows(x, m, o, t, g, 0, padded);
        return ops.logistic(g, 0, m * t, signs, factor);
    }

    /**
     * signs[i·T + k] = −1 where target k has label 1, +1 where it has label 0, for i in [0, m): the
     * sign that turns a score into softplus's argument ({@link RowOps#logistic}).
     */
    private void signs(int m, int t, boolean[] label) {
        for (int k = 0; k < t; k++) {
            signs[k] = label[k] ? -1f : 1f;
        }
        for (int i = 1; i < m; i++) {
            System.arraycopy(signs, 0, signs, i * t, t);
        }
    }

    /**
     * The sequential form's step ({@link Form#SEQUENTIAL}): pair i against O as the earlier pairs left it,
     * ΔC_i = G_i O, then O_k += G_ik X_i in the gathered copies; ΔO = Σ_i G_iᵀ X_i into dO, taken at
     * the end as the stepped copies minus the gathered ones.
     */
    private double sequentialRows(float[][] x, int m, int t, float factor) {
        for (int k = 0; k < t; k++) {
            System.arraycopy(o[k], 0, dO[k], 0, padded); // O as gathered
        }
        double loss = 0.0;
        for (int i = 0; i < m; i++) {
            // row i of S and G: S_i = X_i Oᵀ [T], then G_i = factor · ∂J_i/∂S_i in place
            ops.dots(x[i], o, t, g, i * t, padded);
            loss += ops.logistic(g, i * t, t, signs, factor);
            ops.combination(g, i * t, 1, o, t, dc[i], padded);
            for (int k = 0; k < t; k++) {
                ops.axpy(g[i * t + k], x[i], o[k], padded);
            }
        }
        // ΔO_k = Σ_i G_ik X_i = O_k as the pairs left it − O_k as gathered: one pass, not an axpy a pair
        for (int k = 0; k < t; k++) {
            float[] delta = dO[k];
            float[] stepped = o[k];
            for (int j = 0; j < padded; j++) {
                delta[j] = stepped[j] - delta[j];
            }
        }
        return loss;
    }

    /**
     * Adds ΔO and ΔC to their rows of the two destinations: in the batched form each as its
     * combination, straight into the row read back from the destination,
     * <pre>
     *   outputDestination[targets_k]   += Σ_i G_ik C_i      (ΔO_k)
     *   inputDestination[inputRows_i]  += Σ_k G_ik O_k      (ΔC_i)
     * </pre>
     * for CBOW with n > 1 inputs ΔO_k = G_k h and e = G O to every input row, in the sequential form
     * the dO and dc rows.
     */
    private void scatter(FloatMatrix inputDestination, FloatMatrix outputDestination, int[] inputRows, int n,
            int[] targets, int t) {
        if (mean && n > 1) {
            for (int k = 0; k < t; k++) {
                addToRow(outputDestination, targets[k], g[k], hidden[0]);
            }
            ops.combination(g, 0, 1, o, t, dc[0], padded); // e = G O  [1, d], added to each input row
            for (int i = 0; i < n; i++) {
                addToRow(inputDestination, inputRows[i], 1f, dc[0]);
            }
        } else if (sequential && n > 1) {
            for (int k = 0; k < t; k++) {
                addToRow(outputDestination, targets[k], 1f, dO[k]);
            }
            for (int i = 0; i < n; i++) {
                addToRow(inputDestination, inputRows[i], 1f, dc[i]);
            }
        } else { // batched, or a CBOW window of one input (then h = C_0, the same step)
            addCombinations(outputDestination, targets, t, 1, t, c, n); // ΔO_k: column k of G
            addCombinations(inputDestination, inputRows, n, t, 1, o, t); // ΔC_i: row i of G
        }
    }

    /**
     * destination[dest_r] += Σ_q g[r·step + q·stride] · rows[q] for r in [0, count): two
     * destination rows a pass where they differ (each chunk of the combined rows loaded once for
     * both), one where they are the same row (it then takes both sums in turn, as one at a time would).
     */
    private void addCombinations(FloatMatrix destination, int[] dest, int count, int step, int stride,
            float[][] rows, int m) {
        int r = 0;
        for (; r + 1 < count; r += 2) {
            if (dest[r] == dest[r + 1]) {
                addCombination(destination, dest[r], r * step, stride, rows, m);
                addCombination(destination, dest[r + 1], (r + 1) * step, stride, rows, m);
                continue;
            }
            destination.getRow(dest[r], row);
            destination.getRow(dest[r + 1], row2);
            ops.combinationAddTwo(g, r * step, (r + 1) * step, stride, rows, m, row, row2, padded);
            destination.putRow(dest[r], row);
            destination.putRow(dest[r + 1], row2);
        }
        if (r < count) {
            addCombination(destination, dest[r], r * step, stride, rows, m);
        }
    }

    private void addCombination(FloatMatrix destination, int r, int offset, int stride, float[][] rows, int m) {
        destination.getRow(r, row);
        ops.combinationAdd(g, offset, stride, rows, m, row, padded);
        destination.putRow(r, row);
    }

    /**
     * Row r of {@code destination} += alpha·x: the row read into padded scratch, the axpy in the row
     * arithmetic, the row written back.
     */
    private void addToRow(FloatMatrix destination, int r, float alpha, float[] x) {
        destination.getRow(r, row);
        ops.axpy(alpha, x, row, padded);
        destination.putRow(r, row);
    }
}
