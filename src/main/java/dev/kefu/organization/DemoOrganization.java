package dev.kefu.organization;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Role;

/**
 * Seeds a demo organization with an admin and two agents on first start, so that {@code spring-boot:run} gives
 * something to log in to, and prints where. The modules with something to show (a knowledge base, canned responses,
 * the assistant) fill in their part when told {@link DemoOrganizationCreated}, in the same commit's wake. Only on the embedded database or when asked ({@link DemoWanted}); the
 * passwords are printed only by the start that seeded them, as they may have been changed since.
 */
@Component
@Conditional(DemoWanted.class)
class DemoOrganization {

	static final String SLUG = "demo";
	static final String ADMIN_PASSWORD = "kefu-admin";
	static final String AGENT_PASSWORD = "kefu-agent";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

	private final Organizations organizations;
	private final Groups groups;
	private final StaffMembers staff;
	private final Widgets widgets;
	private final Environment environment;
	private final ProvisioningLock lock;
	private final ApplicationEventPublisher events;

	DemoOrganization(Organizations organizations, Groups groups, StaffMembers staff, Widgets widgets,
			Environment environment, ProvisioningLock lock, ApplicationEventPublisher events) {
		this.organizations = organizations;
		this.groups = groups;
		this.staff = staff;
		this.widgets = widgets;
		this.environment = environment;
		this.lock = lock;
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void seedAndAnnounce() {
		boolean seeded = lock.inTurn(() -> {
			if (organizations.findBySlug(SLUG).isPresent()) {
				return false;
			}
			seed();
			return true;
		});
		String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		if (seeded) {
			log.info("""

					==================================================================
					 Kefu is running: {}
					 Demo organization '{}' created
					   admin   : admin  / {}
					   agents  : agent1 / {}   agent2 / {}
					 API docs  : {}/swagger-ui.html
					==================================================================""", base, SLUG, ADMIN_PASSWORD,
					AGENT_PASSWORD, AGENT_PASSWORD, base);
		}
		else {
			log.info("""

					==================================================================
					 Kefu is running: {}
					 Demo organization '{}' (users admin, agent1, agent2; passwords
					 as printed when it was created, unless changed since)
					 API docs  : {}/swagger-ui.html
					==================================================================""", base, SLUG, base);
		}
	}

	private void seed() {
		Organization demo = organizations.create(SLUG, "Kefu Demo Shop", "Asia/Shanghai");
		ServiceCenter center = groups.createCenter(demo.id(), "Shanghai Service Center");
		BusinessGroup general = groups.createGroup(demo.id(), center.id(), "General", 20, OfflinePolicy.REQUEUE,
				Duration.ofMinutes(5));
		BusinessGroup vip = groups.createGroup(demo.id(), center.id(), "VIP", 10, OfflinePolicy.KEEP, Duration.ZERO);
		StaffMember admin = staff.create(demo.id(), "admin", ADMIN_PASSWORD,
				new StaffMembers.Profile("Admin", null, Set.of(Role.ADMIN, Role.SUPERVISOR), 0, true, List.of()));
		staff.create(demo.id(), "agent1", AGENT_PASSWORD, new StaffMembers.Profile("Li Na", "agent1@example.com",
				Set.of(Role.AGENT), 5, true, List.of(general.id(), vip.id())));
		staff.create(demo.id(), "agent2", AGENT_PASSWORD, new StaffMembers.Profile("Wang Wei", "agent2@example.com",
				Set.of(Role.AGENT), 5, true, List.of(general.id())));
		widgets.save(demo.id(), new WidgetSettings("Kefu Demo Shop", "#1f6feb", "您好！有什么可以帮您？ Hello! How can we help?",
				WidgetSettings.defaults().prechatFields(), general.id()));
		events.publishEvent(new DemoOrganizationCreated(demo.id(), general.id(), admin.id()));
	}
}
