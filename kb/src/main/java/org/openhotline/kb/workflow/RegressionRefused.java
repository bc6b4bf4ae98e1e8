package org.openhotline.kb.workflow;

/** Publishing would lower accuracy on the saved test questions and no reviewer overrode it; carries the gate's report. */
public final class RegressionRefused extends WorkflowException {
    private final transient Object report;

    public RegressionRefused(String summary, Object report) {
        super(Reason.CONFLICT, "regression", summary + "; a reviewer may publish anyway with an override reason");
        this.report = report;
    }

    public Object report() {
        return report;
    }
}
