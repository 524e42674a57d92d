package dev.kefu.realtime;

/**
 * Carries frames between nodes, so that a push reaches a connection another node holds. Delivery is best effort by
 * design: every client catches up from the database by sequence number, so a relay only has to say when it may have
 * missed something.
 */
interface Relay {

	/** Hands a frame for a topic to the other nodes. */
	void broadcast(String topic, String frame);

	/** Whether other nodes may hold subscribers, so a topic without local ones can still have listeners. */
	boolean clustered();

	void receiveWith(Receiver receiver);

	interface Receiver {

		/** A frame another node published for a topic. */
		void deliver(String topic, String frame);

		/** Frames from other nodes may have been lost (the relay was disconnected). */
		void missedSome();
	}

	/** One node on its own: nothing to relay. */
	Relay SINGLE_NODE = new Relay() {

		@Override
		public void broadcast(String topic, String frame) {
		}

		@Override
		public boolean clustered() {
			return false;
		}

		@Override
		public void receiveWith(Receiver receiver) {
		}
	};
}
