// A contact's data-subject rights on its page (#15): data.export downloads everything Kefu keeps about the contact as
// a zip, data.erase erases it, data.hold puts it under legal hold (with a reason) or lifts the hold (admins all three,
// supervisors holds). Erasure is refused
// while a hold is set; the server decides both, and audits each.
import { computed, onMounted, ref } from 'vue';
import { t } from '/ui/i18n.js';

export const ContactRights = {
  props: {
    api: { type: Function, required: true },
    me: { type: Object, default: null },
    contact: { type: Object, required: true },
  },
  emits: ['erased'],
  setup(props, { emit }) {
    const hold = ref(null);
    const error = ref('');
    const may = (permission) => (props.me?.permissions || []).includes(permission);
    const canExport = computed(() => may('data.export'));
    const canErase = computed(() => may('data.erase'));
    const canHold = computed(() => may('data.hold'));
    const shown = computed(() => canExport.value || canErase.value || canHold.value);
    const path = () => `/api/v1/contacts/${props.contact.id}`;

    onMounted(async () => {
      if (shown.value) hold.value = await props.api(`${path()}/legal-hold`).catch(() => null);
    });

    async function exportData() {
      error.value = '';
      // A file, not JSON: fetched with the login's token and handed to the browser to save.
      const response = await fetch(`${path()}/export`,
        { headers: { Authorization: `Bearer ${sessionStorage.getItem('kefu.staff.token')}` } });
      if (!response.ok) {
        error.value = (await response.json().catch(() => ({}))).detail || String(response.status);
        return;
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `contact-${props.contact.id}.zip`;
      link.click();
      URL.revokeObjectURL(link.href);
    }

    async function setHold() {
      const reason = prompt(t('contacts.rights.holdReason'));
      if (!reason) return;
      try {
        hold.value = { held: true, hold: await props.api(`${path()}/legal-hold`, { method: 'PUT', body: { reason } }) };
      }
      catch (e) {
        error.value = e.message;
      }
    }

    async function clearHold() {
      try {
        await props.api(`${path()}/legal-hold`, { method: 'DELETE' });
        hold.value = { held: false };
      }
      catch (e) {
        error.value = e.message;
      }
    }

    async function erase() {
      if (!confirm(t('contacts.rights.eraseConfirm'))) return;
      try {
        await props.api(`${path()}/erase`, { method: 'POST' });
        emit('erased');
      }
      catch (e) {
        error.value = e.code === 'contact-under-legal-hold' ? t('contacts.rights.held') : e.message;
      }
    }

    return { t, hold, error, canExport, canErase, canHold, shown, exportData, setHold, clearHold, erase };
  },
  template: `
    <div class="contact-rights" id="contact-rights" v-if="shown">
      <span v-if="hold && hold.held" class="legal-hold" id="contact-hold">{{ t('contacts.rights.heldSince', { reason: hold.hold.reason }) }}</span>
      <button v-if="canExport" type="button" class="link" id="contact-export" @click="exportData">{{ t('contacts.rights.export') }}</button>
      <template v-if="canHold">
        <button v-if="hold && hold.held" type="button" class="link" id="contact-hold-clear" @click="clearHold">{{ t('contacts.rights.clearHold') }}</button>
        <button v-else type="button" class="link" id="contact-hold-set" @click="setHold">{{ t('contacts.rights.setHold') }}</button>
      </template>
      <button v-if="canErase" type="button" class="link danger" id="contact-erase" :disabled="hold && hold.held" @click="erase">{{ t('contacts.rights.erase') }}</button>
      <span v-if="error" class="error" role="alert">{{ error }}</span>
    </div>`,
};
