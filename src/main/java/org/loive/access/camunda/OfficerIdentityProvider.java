package org.loive.access.camunda;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.Officers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Camunda's users and groups, read-only, from Keycloak: the signed-in officer as their token
 * describes them, and the catalogue of agency groups and roles. Nothing is stored in Camunda's
 * identity tables and no password is ever checked here.
 */
class OfficerIdentityProvider implements ReadOnlyIdentityProvider {

	/** Camunda group id → display name, Vietnamese first. */
	static final Map<String, String> GROUPS = catalogue();

	private static Map<String, String> catalogue() {
		Map<String, String> groups = new LinkedHashMap<>();
		Arrays.stream(Agency.values()).forEach(agency -> groups.put(agency.group(), agency.label()));
		groups.put(Officer.CASEWORKER, "Cán bộ xử lý hồ sơ / Caseworkers");
		groups.put(Officer.SUPERVISOR, "Lãnh đạo, Ban Chỉ đạo 138 / Supervisors");
		groups.put(Officer.AUDITOR, "Thanh tra / Auditors");
		groups.put(Officer.ADMIN, "Quản trị hệ thống / Administrators");
		return Map.copyOf(groups);
	}

	@Override
	public User findUserById(String userId) {
		return currentUser().filter(user -> user.getId().equals(userId)).orElse(null);
	}

	@Override
	public UserQuery createUserQuery() {
		return new OfficerUserQuery(commandExecutor());
	}

	@Override
	public UserQueryImpl createUserQuery(CommandContext commandContext) {
		return new OfficerUserQuery(commandExecutor());
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new IdentityProviderException("Native user queries are not supported: users live in Keycloak");
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		return false;
	}

	@Override
	public Group findGroupById(String groupId) {
		return Optional.ofNullable(groupName(groupId)).map(name -> group(groupId, name)).orElse(null);
	}

	/** A group of the catalogue, or a province's group (one per province, named after its code). */
	static String groupName(String groupId) {
		if (groupId != null && groupId.startsWith(Officer.PROVINCE_GROUP_PREFIX)) {
			String province = groupId.substring(Officer.PROVINCE_GROUP_PREFIX.length());
			return "Cán bộ tỉnh " + province + " / Officers of province " + province;
		}
		return GROUPS.get(groupId);
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new OfficerGroupQuery(commandExecutor());
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext commandContext) {
		return new OfficerGroupQuery(commandExecutor());
	}

	@Override
	public Tenant findTenantById(String tenantId) {
		return null;
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new NoTenantQuery(commandExecutor());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext commandContext) {
		return new NoTenantQuery(commandExecutor());
	}

	@Override
	public void flush() {
		// read-only: nothing to write
	}

	@Override
	public void close() {
		// no resources held
	}

	private static CommandExecutor commandExecutor() {
		return Context.getProcessEngineConfiguration().getCommandExecutorTxRequired();
	}

	static Optional<User> currentUser() {
		return Officers.current().map(officer -> {
			UserEntity user = new UserEntity();
			user.setId(officer.username());
			user.setFirstName(officer.username());
			user.setLastName(officer.area() == null ? "" : officer.area());
			return user;
		});
	}

	static Group group(String id, String name) {
		GroupEntity group = new GroupEntity();
		group.setId(id);
		group.setName(name);
		group.setType(Agency.ofGroup(id).isPresent() ? "AGENCY"
				: id.startsWith(Officer.PROVINCE_GROUP_PREFIX) ? "PROVINCE" : "ROLE");
		return group;
	}

	static class OfficerUserQuery extends UserQueryImpl {

		OfficerUserQuery(CommandExecutor commandExecutor) {
			super(commandExecutor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return executeList(commandContext, null).size();
		}

		@Override
		public List<User> executeList(CommandContext commandContext, Page page) {
			return currentUser().stream()
				.filter(user -> id == null || id.equals(user.getId()))
				.filter(user -> ids == null || Arrays.asList(ids).contains(user.getId()))
				.filter(user -> groupId == null
						|| Officers.current().map(officer -> officer.engineGroups().contains(groupId)).orElse(false))
				.filter(user -> firstName == null && firstNameLike == null && lastName == null && lastNameLike == null
						&& email == null && emailLike == null && tenantId == null)
				.toList();
		}
	}

	static class OfficerGroupQuery extends GroupQueryImpl {

		OfficerGroupQuery(CommandExecutor commandExecutor) {
			super(commandExecutor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return executeList(commandContext, null).size();
		}

		@Override
		public List<Group> executeList(CommandContext commandContext, Page page) {
			Stream<Group> groups = Stream.concat(GROUPS.keySet().stream(), currentProvinceGroup())
				.map(groupId -> group(groupId, OfficerIdentityProvider.groupName(groupId)));
			List<Group> matching = groups.filter(group -> id == null || id.equals(group.getId()))
				.filter(group -> ids == null || Arrays.asList(ids).contains(group.getId()))
				.filter(group -> name == null || name.equals(group.getName()))
				.filter(group -> nameLike == null || group.getName().contains(nameLike.replace("%", "")))
				.filter(group -> type == null || type.equals(group.getType()))
				.filter(group -> userId == null || memberOfCurrentOfficer(userId, group.getId()))
				.filter(group -> tenantId == null)
				.sorted(Comparator.comparing(Group::getId))
				.toList();
			return page == null ? matching
					: matching.stream().skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
		}

		/** The signed-in officer's province group: the catalogue cannot list every province's. */
		private static Stream<String> currentProvinceGroup() {
			return Officers.current().stream()
				.filter(officer -> officer.province() != null)
				.map(officer -> Officer.provinceGroup(officer.province()));
		}

		private static boolean memberOfCurrentOfficer(String userId, String groupId) {
			return Officers.current()
				.filter(officer -> officer.username().equals(userId))
				.map(officer -> officer.engineGroups().contains(groupId))
				.orElse(false);
		}
	}

	static class NoTenantQuery extends TenantQueryImpl {

		NoTenantQuery(CommandExecutor commandExecutor) {
			super(commandExecutor);
		}

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<Tenant> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}
	}
}
