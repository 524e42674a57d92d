// The invitations tab (issue #14): proactive invitations the widget opens with. Each rule has a greeting and the
// conditions that must all hold (time on the page, an address pattern with * for anything, a returning visitor, pages
// viewed in this visit); a rule can name a group and its longest queue, beyond which it is not shown. The server
// checks every field (400 with a code, shown in the console's banner).
import { reactive, ref } from 'vue';
import { t } from '/ui/i18n.js';

const PATH = '/api/v1/admin/invitations';
const EMPTY = { name: '', greeting: '', urlPattern: '', secondsOnPage: 10, minPages: null, returningOnly: false,
  groupId: '', maxQueue: null, enabled: true };

export const Invitations = {
  props: {
    api: { type: Function, required: true },
    groups: { type: Array, required: true },
  },
  setup(props) {
    const rules = ref([]);
    const draft = reactive({ ...EMPTY });
    const editing = ref(null);

    async function load() {
      rules.value = await props.api(PATH).catch(() => []);
    }

    function edit(rule) {
      editing.value = rule.id;
      Object.assign(draft, { ...EMPTY, ...rule, urlPattern: rule.urlPattern || '', groupId: rule.groupId || '' });
    }

    function reset() {
      editing.value = null;
      Object.assign(draft, EMPTY);
    }

    /** Blank number fields are "no condition"; a group without a queue length (or the reverse) is the server's to refuse. */
    const number = (value) => (value === '' || value === null || value === undefined ? null : Number(value));

    async function save() {
      const body = { ...draft, urlPattern: draft.urlPattern || null, groupId: draft.groupId || null,
        secondsOnPage: number(draft.secondsOnPage), minPages: number(draft.minPages), maxQueue: number(draft.maxQueue) };
      delete body.id;
      try {
        await props.api(editing.value ? `${PATH}/${editing.value}` : PATH, { method: editing.value ? 'PUT' : 'POST', body });
      }
      catch {
        return;
      }
      reset();
      await load();
    }

    async function remove(rule) {
      if (!window.confirm(t('admin.confirmDelete', { name: rule.name }))) return;
      await props.api(`${PATH}/${rule.id}`, { method: 'DELETE' }).catch(() => {});
      if (editing.value === rule.id) reset();
      await load();
    }

    function conditions(rule) {
      const parts = [];
      if (rule.urlPattern) parts.push(t('admin.invitations.onPages', { pattern: rule.urlPattern }));
      if (rule.secondsOnPage != null) parts.push(t('admin.invitations.afterSeconds', { n: rule.secondsOnPage }));
      if (rule.minPages != null) parts.push(t('admin.invitations.afterPages', { n: rule.minPages }));
      if (rule.returningOnly) parts.push(t('admin.invitations.returning'));
      if (rule.groupId) {
        const group = props.groups.find((g) => g.id === rule.groupId)?.name || rule.groupId;
        parts.push(t('admin.invitations.offWhenQueue', { group, n: rule.maxQueue }));
      }
      return parts.join(' · ');
    }

    load();
    return { rules, draft, editing, edit, reset, save, remove, conditions, t };
  },
  template: `
    <div class="invitations">
      <p class="hint">{{ t('admin.invitations.intro') }}</p>
      <table class="grid" id="invitation-list">
        <thead><tr><th>{{ t('admin.invitations.name') }}</th><th>{{ t('admin.invitations.greeting') }}</th><th>{{ t('admin.invitations.when') }}</th><th></th></tr></thead>
        <tbody>
          <tr v-for="r in rules" :key="r.id" :data-rule="r.name">
            <td>{{ r.name }} <span v-if="!r.enabled" class="badge off">{{ t('admin.invitations.off') }}</span></td>
            <td>{{ r.greeting }}</td>
            <td class="hint">{{ conditions(r) }}</td>
            <td>
              <button type="button" class="link edit" @click="edit(r)">{{ t('admin.invitations.edit') }}</button>
              <button type="button" class="link delete" @click="remove(r)">{{ t('admin.delete') }}</button>
            </td>
          </tr>
          <tr v-if="!rules.length"><td colspan="4" class="hint">{{ t('admin.invitations.none') }}</td></tr>
        </tbody>
      </table>
      <form id="invitation-form" class="form" @submit.prevent="save">
        <h3>{{ editing ? t('admin.invitations.editTitle') : t('admin.invitations.new') }}</h3>
        <label><span>{{ t('admin.invitations.name') }}</span><input name="name" v-model="draft.name" maxlength="100" required></label>
        <label><span>{{ t('admin.invitations.greeting') }}</span><textarea name="greeting" v-model="draft.greeting" maxlength="500" required></textarea></label>
        <label><span>{{ t('admin.invitations.urlPattern') }}</span><input name="urlPattern" v-model="draft.urlPattern" maxlength="300" placeholder="*/pricing*"></label>
        <label><span>{{ t('admin.invitations.seconds') }}</span><input name="secondsOnPage" type="number" min="0" max="3600" v-model="draft.secondsOnPage"></label>
        <label><span>{{ t('admin.invitations.pages') }}</span><input name="minPages" type="number" min="1" max="20" v-model="draft.minPages"></label>
        <label class="check"><input name="returningOnly" type="checkbox" v-model="draft.returningOnly"> {{ t('admin.invitations.returningOnly') }}</label>
        <label><span>{{ t('admin.invitations.group') }}</span>
          <select name="groupId" v-model="draft.groupId">
            <option value="">{{ t('admin.invitations.anyQueue') }}</option>
            <option v-for="g in groups" :key="g.id" :value="g.id">{{ g.name }}</option>
          </select></label>
        <label v-if="draft.groupId"><span>{{ t('admin.invitations.maxQueue') }}</span><input name="maxQueue" type="number" min="0" max="10000" v-model="draft.maxQueue"></label>
        <label class="check"><input name="enabled" type="checkbox" v-model="draft.enabled"> {{ t('admin.invitations.enabled') }}</label>
        <span class="inline">
          <button type="submit" class="primary">{{ t('admin.save') }}</button>
          <button v-if="editing" type="button" class="link" @click="reset">{{ t('desk.cancel') }}</button>
        </span>
      </form>
    </div>`,
};
