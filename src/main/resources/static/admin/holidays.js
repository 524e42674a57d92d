// A group's holidays in the admin console: dates closed all day, or open other hours than the week's (a short day
// before a festival, a Saturday worked in lieu, 调休). Saved as one list, which replaces the group's.
import { onMounted, ref } from 'vue';
import { t } from '/ui/i18n.js';

export const HolidaysEditor = {
  // The console's own call: its errors show in the console's banner, and an ended login logs out.
  props: { group: { type: Object, required: true }, api: { type: Function, required: true } },
  emits: ['done'],
  setup(props, { emit }) {
    const days = ref([]);
    const path = () => `/api/v1/admin/groups/${props.group.id}/holidays`;

    onMounted(async () => {
      const read = await props.api(path()).catch(() => ({ holidays: [] }));
      days.value = read.holidays.map((h) => ({ date: h.date, name: h.name || '', closed: !h.opensAt,
        opensAt: h.opensAt?.slice(0, 5) || '09:00', closesAt: h.closesAt?.slice(0, 5) || '18:00' }));
    });

    function add() {
      days.value.push({ date: '', name: '', closed: true, opensAt: '09:00', closesAt: '18:00' });
    }

    async function save() {
      const holidays = days.value.map((d) => ({ date: d.date || null, name: d.name,
        ...(d.closed ? {} : { opensAt: d.opensAt, closesAt: d.closesAt }) }));
      try {
        await props.api(path(), { method: 'PUT', body: { holidays } });
      }
      catch {
        return;
      }
      emit('done');
    }

    return { t, days, add, save };
  },
  template: `
    <form class="hours holidays" id="holidays" @submit.prevent="save">
      <h3>{{ t('admin.holidaysOf', { name: group.name }) }}</h3>
      <p class="hint">{{ t('admin.holidaysHint') }}</p>
      <div v-for="(d, i) in days" :key="i" class="day holiday">
        <input type="date" v-model="d.date" :aria-label="t('admin.holidayDate')" required>
        <input v-model.trim="d.name" :placeholder="t('admin.holidayName')" :aria-label="t('admin.holidayName')" maxlength="100">
        <label><input type="checkbox" v-model="d.closed"> {{ t('admin.holidayClosed') }}</label>
        <template v-if="!d.closed">
          <input type="time" v-model="d.opensAt"> – <input type="time" v-model="d.closesAt">
        </template>
        <button type="button" class="link remove" @click="days.splice(i, 1)">{{ t('admin.holidayRemove') }}</button>
      </div>
      <p v-if="!days.length" class="hint">{{ t('admin.holidaysNone') }}</p>
      <p>
        <button type="button" class="link add" @click="add">{{ t('admin.holidayAdd') }}</button>
        <button class="primary" type="submit">{{ t('admin.save') }}</button>
        <button type="button" class="link" @click="$emit('done')">{{ t('desk.cancel') }}</button>
      </p>
    </form>`,
};
