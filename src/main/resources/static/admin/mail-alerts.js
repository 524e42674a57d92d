// A group's e-mail alert in the admin console: when a customer leaves a message while nobody is online, mail the
// group's agents (or the addresses listed here), in the language chosen. Off by default.
import { onMounted, reactive, ref } from 'vue';
import { language, t } from '/ui/i18n.js';

export const MailAlertsEditor = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { group: { type: Object, required: true }, api: { type: Function, required: true } },
  emits: ['done'],
  setup(props, { emit }) {
    const draft = reactive({ enabled: false, recipients: '', language: language.value === 'zh-CN' ? 'zh-CN' : 'en' });
    const configured = ref(true);
    const agentAddresses = ref([]);
    const latest = ref([]);
    const path = () => `/api/v1/admin/groups/${props.group.id}/mail-alerts`;

    function show(read) {
      draft.enabled = read.enabled;
      draft.recipients = read.recipients.join(', ');
      if (read.enabled || read.recipients.length) draft.language = read.language;
      configured.value = read.configured;
      agentAddresses.value = read.agentAddresses;
      latest.value = read.latest;
    }

    onMounted(async () => {
      show(await props.api(path()));
    });

    async function save() {
      const recipients = draft.recipients.split(/[\s,;]+/).filter(Boolean);
      try {
        show(await props.api(path(), { method: 'PUT', body: { enabled: draft.enabled, recipients, language: draft.language } }));
      }
      catch {
        return;
      }
      emit('done');
    }

    function line(mail) {
      const when = new Date(mail.createdAt).toLocaleString(language.value);
      return t('admin.mailAlertsMail.' + (mail.status === 'PENDING' && mail.lastError ? 'RETRYING' : mail.status),
        { when, address: mail.to, error: mail.lastError || '' });
    }

    return { t, draft, configured, agentAddresses, latest, line, save };
  },
  template: `
    <form class="stack mail-alerts" id="mail-alerts" @submit.prevent="save">
      <h3>{{ t('admin.mailAlertsOf', { name: group.name }) }}</h3>
      <p v-if="!configured" class="hint warn" id="mail-not-configured">{{ t('mail.notConfigured') }}</p>
      <label class="check"><input type="checkbox" name="mailAlertsEnabled" v-model="draft.enabled"> {{ t('admin.mailAlertsOn') }}</label>
      <label>{{ t('admin.mailAlertsRecipients') }}
        <textarea name="mailAlertsRecipients" v-model="draft.recipients" rows="2" :placeholder="t('admin.mailAlertsRecipientsHint')"></textarea></label>
      <p class="hint">{{ agentAddresses.length ? t('admin.mailAlertsAgents', { addresses: agentAddresses.join(', ') }) : t('admin.mailAlertsNoAgents') }}</p>
      <label>{{ t('admin.mailAlertsLanguage') }}
        <select name="mailAlertsLanguage" v-model="draft.language"><option value="en">English</option><option value="zh-CN">中文</option></select></label>
      <template v-if="latest.length">
        <p class="hint">{{ t('admin.mailAlertsLatest') }}</p>
        <ul class="mail-alerts-latest"><li v-for="m in latest" :key="m.id" :data-status="m.status">{{ line(m) }}</li></ul>
      </template>
      <p>
        <button class="primary" type="submit">{{ t('admin.save') }}</button>
        <button type="button" class="link" @click="$emit('done')">{{ t('desk.cancel') }}</button>
      </p>
    </form>`,
};
