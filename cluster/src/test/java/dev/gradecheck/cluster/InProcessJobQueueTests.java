package dev.gradecheck.cluster;

/** The job queue contract, on one machine. */
class InProcessJobQueueTests extends JobQueueContract {

    @Override
    protected Fixture create(QueueSettings settings) {
        InProcessJobQueue queue = InProcessJobQueue.create(settings, clock);
        return new Fixture(queue, queue, queue, queue::close);
    }
}
