-- One request shape of the RefNet benchmark, for wrk. Options after "--", as key=value:
--   method=GET|POST   path=/referrals/{id}   token=<bearer token>   threads=<wrk -t>
--   ids=<file, one id a line: each request takes the next and puts it for {id} in the path and the body>
--   once=1            every id is used once across all threads; a thread whose ids are spent stops
--   body=<file with the JSON body>   pace=<ms between requests of one connection, for a fixed rate>
-- done() prints one line "RESULT {json}" that the benchmark driver reads.

local method, path, body, token = "GET", "/", nil, nil
local ids, next_index, step, once = {}, 1, 1, false
local shown = 0

function setup(thread)
  thread:set("thread_number", (thread_count or 0) + 1)
  thread_count = (thread_count or 0) + 1
end

local function read_lines(file)
  local lines = {}
  for line in io.lines(file) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  return lines
end

local function read_all(file)
  local f = assert(io.open(file, "r"))
  local text = f:read("*a")
  f:close()
  return text
end

function init(args)
  local options = {}
  for _, arg in ipairs(args) do
    local key, value = arg:match("^([^=]+)=(.*)$")
    if key then options[key] = value end
  end
  method = options.method or "GET"
  path = options.path or "/"
  token = options.token
  if options.body then body = read_all(options.body) end
  if options.ids then ids = read_lines(options.ids) end
  local threads = tonumber(options.threads or "1")
  once = options.once == "1"
  -- thread n takes ids n, n + threads, n + 2 threads, ...
  next_index, step = thread_number, threads
  if not once and #ids > 0 then next_index = ((thread_number - 1) % #ids) + 1; step = 1 end
  wrk.method = method
  wrk.headers["Accept"] = "application/json"
  if token then wrk.headers["Authorization"] = "Bearer " .. token end
  if body then wrk.headers["Content-Type"] = "application/json" end
  local pace = tonumber(options.pace or "0")
  if pace > 0 then
    function delay() return pace end
  end
end

function request()
  local id = nil
  if #ids > 0 then
    if next_index > #ids then
      if once then
        -- every id of this thread is spent: stop, with a harmless read as the last request
        wrk.thread:stop()
        return wrk.format("GET", "/q/health/live", {}, nil)
      end
      next_index = ((next_index - 1) % #ids) + 1
    end
    id = ids[next_index]
    next_index = next_index + step
  end
  local p = id and path:gsub("{id}", id) or path
  local b = body
  if b and id then b = b:gsub("{id}", id) end
  return wrk.format(method, p, nil, b)
end

function response(status, headers, response_body)
  -- the first refusals say why in the benchmark's log
  if status >= 400 and shown < 3 then
    shown = shown + 1
    io.stderr:write("HTTP " .. status .. " " .. string.sub(response_body or "", 1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"duration_us":%d,"status_errors":%d,"socket_errors":%d,'
      .. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
