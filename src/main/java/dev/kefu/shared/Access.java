package dev.kefu.shared;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every permission a person holds, with its reach: their preset roles' and their custom grants' together. */
public record Access(Map<Permission, Reach> reaches) {

	public static final Access NONE = new Access(Map.of());

	public Access {
		reaches = Map.copyOf(reaches);
	}

	/** Everything, organization-wide: an API token's (its scopes limit it) or the organization's own jobs. */
	public static Access everything() {
		Map<Permission, Reach> all = new EnumMap<>(Permission.class);
		for (Permission p : Permission.values()) {
			all.put(p, Reach.ORGANIZATION);
		}
		return new Access(all);
	}

	public static Access of(Set<Role> roles) {
		Access access = NONE;
		for (Role role : roles) {
			access = access.plus(role.preset());
		}
		return access;
	}

	public Access plus(Access other) {
		Map<Permission, Reach> merged = new EnumMap<>(Permission.class);
		merged.putAll(reaches);
		other.reaches.forEach((p, r) -> merged.merge(p, r, Reach::union));
		return new Access(merged);
	}

	public Access plus(Permission permission, Reach reach) {
		return plus(new Access(Map.of(permission, reach)));
	}

	public boolean has(Permission permission) {
		return reach(permission).any();
	}

	public Reach reach(Permission permission) {
		return reaches.getOrDefault(permission, Reach.NONE);
	}

	/** The keys of the permissions held, sorted: what /auth/me shows and the UIs read. */
	public Set<String> keys() {
		return reaches.entrySet()
			.stream()
			.filter(e -> e.getValue().any())
			.map(e -> e.getKey().key())
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}
}
