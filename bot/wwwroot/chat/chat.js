// The local chat page: pick a sample rep, get a local Direct Line token for them, and run
// Microsoft's Web Chat against this host's Direct Line endpoint (polling; no WebSocket).
const select = document.getElementById('rep');
const params = new URLSearchParams(location.search);

async function loadReps() {
  const reps = await (await fetch('reps.json')).json();
  for (const rep of reps) {
    const option = document.createElement('option');
    option.value = rep.id;
    option.textContent = `${rep.name} (${rep.id})${rep.roles?.includes('manager') ? ' — manager' : ''}`;
    select.append(option);
  }
  select.value = params.get('rep') ?? reps.find(r => r.id === 'ana')?.id ?? reps[0]?.id ?? '';
}

async function start(repId) {
  const rep = [...select.options].find(o => o.value === repId);
  const response = await fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: repId, name: rep?.textContent ?? repId } })
  });
  const { token } = await response.json();
  const directLine = window.WebChat.createDirectLine({
    token,
    domain: `${location.origin}/v3/directline`,
    webSocket: false,
    pollingInterval: 500
  });
  window.WebChat.renderWebChat(
    { directLine, userID: repId, username: rep?.textContent ?? repId, styleOptions: { bubbleMaxWidth: 600 } },
    document.getElementById('webchat')
  );
}

await loadReps();
select.addEventListener('change', () => {
  params.set('rep', select.value);
  location.search = params.toString();
});
await start(select.value);
