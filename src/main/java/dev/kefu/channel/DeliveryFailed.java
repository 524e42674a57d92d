package dev.kefu.channel;

/**
 * A channel could not deliver something to a customer, and trying again would not help (WeChat's 48-hour window has
 * closed, the address does not exist): the message is marked failed at once, with this reason for the agent. Any other
 * exception from a delivery is taken as passing and retried.
 */
public class DeliveryFailed extends RuntimeException {

	private DeliveryFailed(String reason) {
		super(reason);
	}

	public static DeliveryFailed permanent(String reason) {
		return new DeliveryFailed(reason);
	}
}
